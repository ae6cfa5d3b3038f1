import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from './execute-items';
import {
	emptyLedger,
	executionViolation,
	hasAmountLimits,
	parseGuardSettings,
	perItemViolation,
	recordMove,
	type GuardLedger,
	type GuardSettings,
	type MoveAmounts,
} from './guards';

export interface MoneyMoveSpec<Prepared> {
	/** What the prepared request moves, or undefined when the request does not say. */
	amountsOf(prepared: Prepared): MoveAmounts | undefined;
	/** A read that learns the amount when the request does not carry it (e.g. completing). */
	lookupAmounts?(prepared: Prepared, itemIndex: number): Promise<MoveAmounts | undefined>;
	/** The idempotency key or reference that makes a replay recognisable. */
	keyOf(prepared: Prepared): string | undefined;
	/** The exact request that would be sent, every secret masked. */
	dryRun(prepared: Prepared): IDataObject;
}

interface Guarded<Prepared> {
	prepared: Prepared;
	settings: GuardSettings;
	amounts: MoveAmounts | undefined;
}

const LEDGER_KEY = 'moneyGuardLedger';

/**
 * The node's execution context outlives one `execute` call: a node fed one item at a time
 * (Loop Over Items) runs many times in one execution and must be stopped where a batch would be.
 */
function ledgerOf(context: IExecuteFunctions): GuardLedger {
	const nodeContext = context.getContext('node');
	nodeContext[LEDGER_KEY] ??= emptyLedger();
	return nodeContext[LEDGER_KEY] as GuardLedger;
}

function limitError(context: IExecuteFunctions, reason: string, itemIndex: number) {
	return new NodeOperationError(
		context.getNode(),
		`Spending limit reached: ${reason} [item ${itemIndex}]`,
		{
			itemIndex,
			description:
				'Nothing was sent for this item. Raise the limit in the Safety options if this amount is intended.',
		},
	);
}

/**
 * Adds Validate Only and the spending limits to a money-moving operation. Limits are checked just
 * before each item is sent, so items before the limit go through and the rest fail unsent; only
 * moves the provider accepted are counted.
 */
export function guardMoneyMoves<Prepared>(
	context: IExecuteFunctions,
	operation: ItemOperation<Prepared>,
	spec: MoneyMoveSpec<Prepared>,
): ItemOperation<Guarded<Prepared>> {
	return {
		async prepare(itemIndex) {
			const prepared = await operation.prepare(itemIndex);
			const settings = parseGuardSettings(
				context.getNodeParameter('safety', itemIndex, {}) as Record<string, unknown>,
			);
			const amounts = spec.amountsOf(prepared);
			const tooMuch = amounts && perItemViolation(amounts, settings.limits);
			if (tooMuch) throw limitError(context, tooMuch, itemIndex);
			if (
				!amounts &&
				!spec.lookupAmounts &&
				hasAmountLimits(settings.limits) &&
				!settings.validateOnly
			) {
				throw new NodeOperationError(
					context.getNode(),
					`The amount of this item is only known once the provider prices it, so the amount limits cannot be checked [item ${itemIndex}]`,
					{
						itemIndex,
						description:
							'Give the amount explicitly, or remove the amount limits from the Safety options.',
					},
				);
			}
			return { prepared, settings, amounts };
		},

		async send({ prepared, settings, amounts: known }, itemIndex) {
			if (settings.validateOnly) {
				return { validateOnly: true, ...spec.dryRun(prepared), amounts: known ?? null };
			}
			const { limits } = settings;
			let amounts = known;
			if (!amounts && spec.lookupAmounts && hasAmountLimits(limits)) {
				amounts = await spec.lookupAmounts(prepared, itemIndex);
				const tooMuch = amounts && perItemViolation(amounts, limits);
				if (tooMuch) throw limitError(context, tooMuch, itemIndex);
			}
			const ledger = ledgerOf(context);
			const key = spec.keyOf(prepared);
			const crossing = executionViolation(amounts, key, limits, ledger);
			if (crossing) throw limitError(context, crossing, itemIndex);
			const result = await operation.send(prepared, itemIndex);
			recordMove(ledger, amounts, key);
			return result;
		},
	};
}
