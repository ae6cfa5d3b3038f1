import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { isDefinitiveRefusal } from '../execution/errors';
import type { ItemOperation } from '../execution/execute-items';
import {
	emptyLedger,
	executionViolation,
	hasAmountLimits,
	maskHeaders,
	parseGuardSettings,
	perItemViolation,
	releaseMove,
	reserveMove,
	type GuardLedger,
	type GuardSettings,
	type MoveAmounts,
} from './spending-limits';
import { canonicalJson } from './idempotency';
import { forgetAttempts, recordAttempts } from './payment-journal';

export interface MoneyMoveSpec<Prepared> {
	/** What the prepared request moves, or undefined when the request does not say. */
	amountsOf(prepared: Prepared): MoveAmounts | undefined;
	/** A read that learns the amount when the request does not carry it (e.g. completing). */
	lookupAmounts?(prepared: Prepared, itemIndex: number): Promise<MoveAmounts | undefined>;
	/** The idempotency key or reference that makes a repeat recognizable. */
	keyOf(prepared: Prepared): string | undefined;
	/** The exact request that would be sent, every secret masked. */
	dryRun(prepared: Prepared): IDataObject;
	/** Whether an accepted answer moved money (default yes); e.g. a payment that ended FAILED did not. */
	moved?(result: IDataObject | IDataObject[], prepared: Prepared): boolean;
	/**
	 * For providers whose document promises no deduplication: looks the move up by its key and
	 * returns the provider's record, or undefined when the lookup proves it does not exist. Used
	 * before sending a move an earlier run or execution may already have sent. Providers that
	 * document a replay for a repeated key (Conductor) leave it out.
	 */
	reconcile?(prepared: Prepared, itemIndex: number): Promise<IDataObject | undefined>;
}

interface Guarded<Prepared> {
	prepared: Prepared;
	settings: GuardSettings;
	amounts: MoveAmounts | undefined;
	key: string | undefined;
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

function duplicateError(
	context: IExecuteFunctions,
	itemIndex: number,
	firstIndex: number,
	key: string,
) {
	return new NodeOperationError(
		context.getNode(),
		`Item ${itemIndex} asks for the same money move as item ${firstIndex} (same key ${key}), so it was not sent [item ${itemIndex}]`,
		{
			itemIndex,
			description:
				'Two items with the same payment instruction (or the same Idempotency Key, Reference or Order ID) are one payment. If both are meant to be paid, give each its own key or reference, for example {{ $json.invoiceNumber }}; if the row is a duplicate, remove it.',
		},
	);
}

/** What a repeat must match to be the same move: its amounts (the key is compared separately). */
function moveFingerprint(amounts: MoveAmounts | undefined): string {
	return canonicalJson(amounts ?? null);
}

/**
 * Adds Validate Only, the spending limits and cross-execution protection to a money-moving
 * operation. Before anything is sent: two items asking for the same move fail, and the batch's
 * keys are written to the node's journal (n8n's deduplication store). A key an earlier run or
 * execution wrote is looked up at the provider first, and sent only when the lookup proves the
 * move does not exist. A move counts against the limits from the moment it is sent until the
 * provider definitively refuses it; an unknown outcome stays counted.
 */
export function guardMoneyMoves<Prepared>(
	context: IExecuteFunctions,
	operation: ItemOperation<Prepared>,
	spec: MoneyMoveSpec<Prepared>,
): ItemOperation<Guarded<Prepared>> {
	/** Keys an earlier run may have sent; undefined = no journal, so every key may have been. */
	let sentBefore: Set<string> | undefined = new Set();
	const journaled = new Set<string>();
	const attempted = new Set<string>();
	const refused = new Set<string>();
	/** Reserved moves of this run whose answer has not come back yet (items sent in parallel). */
	const inFlight = new Set<Promise<void>>();

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
			return { prepared, settings, amounts, key: spec.keyOf(prepared) };
		},

		async review(entries) {
			const errors = new Map<number, unknown>();
			const firstByKey = new Map<string, number>();
			for (const { itemIndex, value } of entries) {
				if (value.settings.validateOnly || value.key === undefined) continue;
				const first = firstByKey.get(value.key);
				if (first === undefined) firstByKey.set(value.key, itemIndex);
				else errors.set(itemIndex, duplicateError(context, itemIndex, first, value.key));
			}
			if (spec.reconcile && firstByKey.size > 0) {
				const keys = [...firstByKey.keys()];
				sentBefore = await recordAttempts(context, keys);
				if (sentBefore) for (const key of keys) journaled.add(key);
			}
			return errors;
		},

		async send({ prepared, settings, amounts: known, key }, itemIndex) {
			if (settings.validateOnly) {
				return { validateOnly: true, ...spec.dryRun(prepared), amounts: known ?? null };
			}
			if (spec.reconcile && key !== undefined && (!sentBefore || sentBefore.has(key))) {
				// Looked up because it may have been sent: it stays in the journal whatever the lookup says.
				attempted.add(key);
				const found = await spec.reconcile(prepared, itemIndex);
				// Found: this move was made before (this or an earlier execution); nothing is sent.
				if (found) return { ...found, reconciled: true };
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
			const print = moveFingerprint(amounts);
			let crossing = executionViolation(amounts, key, print, limits, ledger);
			// Moves in flight may still be refused and free their share: decide once they settle,
			// so items sent in parallel stop at exactly the item a one-by-one run stops at.
			while (crossing && inFlight.size > 0) {
				await Promise.race(inFlight);
				crossing = executionViolation(amounts, key, print, limits, ledger);
			}
			if (crossing) throw limitError(context, crossing, itemIndex);
			const countedBefore = key !== undefined && ledger.keys[key] !== undefined;
			reserveMove(ledger, amounts, key, print);
			if (key !== undefined) attempted.add(key);
			const sending = operation.send(prepared, itemIndex).then(
				(result) => {
					if (!(spec.moved?.(result, prepared) ?? true) && !countedBefore) {
						releaseMove(ledger, amounts, key);
						if (key !== undefined) refused.add(key);
					}
					return result;
				},
				async (error: unknown) => {
					if (isDefinitiveRefusal(error) && !countedBefore) {
						releaseMove(ledger, amounts, key);
						if (key !== undefined) refused.add(key);
					}
					return await Promise.reject(error as Error);
				},
			);
			const settled = sending.then(
				() => undefined,
				() => undefined,
			);
			inFlight.add(settled);
			void settled.then(() => inFlight.delete(settled));
			return await sending;
		},

		async finish() {
			// Keys written for moves that were never sent, or that the provider refused.
			const unsent = [...journaled].filter((key) => !attempted.has(key) || refused.has(key));
			await forgetAttempts(context, unsent);
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
