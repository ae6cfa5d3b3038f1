import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from './execute-items';
import {
	emptyLedger,
	executionViolation,
	hasAmountLimits,
	maskHeaders,
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
	/** Whether an accepted answer moved money (default yes); e.g. a payment that ended FAILED did not. */
	moved?(result: IDataObject | IDataObject[], prepared: Prepared): boolean;
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

function unknownAmountError(context: IExecuteFunctions, itemIndex: number) {
	return new NodeOperationError(
		context.getNode(),
		`The amount of this item is not known before sending, so the amount limits cannot be checked [item ${itemIndex}]`,
		{
			itemIndex,
			description:
				'Nothing was sent for this item. Give the amount explicitly, or remove the amount limits from the Safety options.',
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
				throw unknownAmountError(context, itemIndex);
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
				// A limit that cannot be checked is not a limit: refuse rather than pay unchecked.
				if (!amounts) throw unknownAmountError(context, itemIndex);
				const tooMuch = perItemViolation(amounts, limits);
				if (tooMuch) throw limitError(context, tooMuch, itemIndex);
			}
			const ledger = ledgerOf(context);
			const key = spec.keyOf(prepared);
			const crossing = executionViolation(amounts, key, limits, ledger);
			if (crossing) throw limitError(context, crossing, itemIndex);
			const result = await operation.send(prepared, itemIndex);
			if (spec.moved?.(result, prepared) ?? true) recordMove(ledger, amounts, key);
			return result;
		},
	};
}

export interface OutgoingRequest {
	method: string;
	url: string;
	qs?: Record<string, string>;
	/** The headers as sent, including what the credential adds (shown masked). */
	headers: Record<string, string>;
	body?: IDataObject;
	/** Body values that are secrets (e.g. a PIN): shown as *** wherever a value equals one. */
	secrets?: string[];
}

function maskValues(value: unknown, secrets: string[]): unknown {
	if (typeof value === 'string') return secrets.includes(value) ? '***' : value;
	if (Array.isArray(value)) return value.map((entry) => maskValues(entry, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([name, entry]) => [name, maskValues(entry, secrets)]),
		);
	}
	return value;
}

/**
 * A request as Validate Only shows it: the full URL with its query, every header that may carry a
 * secret masked, and secret body values masked. Built without sending anything or fetching a token.
 */
export function describeRequest(request: OutgoingRequest): IDataObject {
	const query = new URLSearchParams(request.qs ?? {}).toString();
	const secrets = (request.secrets ?? []).filter((secret) => secret !== '');
	return {
		method: request.method,
		url: query === '' ? request.url : `${request.url}?${query}`,
		headers: maskHeaders(request.headers),
		body: request.body === undefined ? null : (maskValues(request.body, secrets) as IDataObject),
	};
}

/** The operation as it runs: guarded when it moves money, as it is otherwise. */
export function withGuardsWhenMovingMoney<Prepared>(
	context: IExecuteFunctions,
	operation: ItemOperation<Prepared>,
	spec: MoneyMoveSpec<Prepared> | undefined,
): ItemOperation<unknown> {
	return (spec ? guardMoneyMoves(context, operation, spec) : operation) as ItemOperation<unknown>;
}
