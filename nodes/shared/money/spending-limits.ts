import type { INodeProperties } from 'n8n-workflow';

import {
	addDecimals,
	compareDecimals,
	requireAmount,
	requireCurrency,
	subtractDecimals,
} from './amounts';
import { FieldError } from '../description/field-validation';

/** What one money move is worth, per currency (usually a single entry). */
export type MoveAmounts = Array<{ currency: string; amount: string }>;

export interface SpendingLimits {
	/** Cap on one item: for any currency (`any`) or per currency. */
	perItem: { any?: string; byCurrency: Record<string, string> };
	/** Cap on the sum moved by this node in one execution, per currency. */
	totalPerExecution: Record<string, string>;
	/** Cap on the number of money moves by this node in one execution; 0 means none. */
	maxMoves: number;
}

export interface GuardSettings {
	validateOnly: boolean;
	limits: SpendingLimits;
}

/**
 * What this node has sent so far in this execution; lives in the node's execution context. A move
 * counts from the moment it is sent until the provider definitively refuses it, so a move whose
 * outcome is unknown (no answer, 5xx, a status that could not be read) stays counted.
 */
export interface GuardLedger {
	moves: number;
	totals: Record<string, string>;
	/**
	 * Key of every counted move and the fingerprint of its request: the same request sent again
	 * under its key (Retry On Fail after the lookup proved it absent) counts once; another request
	 * under a counted key is refused.
	 */
	keys: Record<string, string>;
}

export const safetyOptions: INodeProperties = {
	displayName: 'Safety',
	name: 'safety',
	type: 'collection',
	placeholder: 'Add Safety Option',
	default: {},
	description:
		'Guards for this money move: a dry run, and limits that hold across the whole execution',
	options: [
		{
			displayName: 'Validate Only',
			name: 'validateOnly',
			type: 'boolean',
			default: false,
			description:
				'Whether to run every check and return the exact request that would be sent (secrets masked) without sending anything',
		},
		{
			displayName: 'Maximum Amount per Item',
			name: 'maxAmountPerItem',
			type: 'string',
			default: '',
			placeholder: '500.00 or EUR 500.00, NGN 100000',
			description:
				'Refuse any item above this amount: one amount for every currency, or a list of currency and amount pairs',
		},
		{
			displayName: 'Maximum Total per Execution',
			name: 'maxTotalPerExecution',
			type: 'string',
			default: '',
			placeholder: 'EUR 5000.00, USD 1000',
			description:
				'Refuse the item that would take the total this node moves in one execution above the limit for its currency',
		},
		{
			displayName: 'Maximum Money Moves per Execution',
			name: 'maxMovesPerExecution',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Refuse money moves beyond this number in one execution (0 = no limit)',
		},
	],
};

const NO_LIMITS: SpendingLimits = {
	perItem: { byCurrency: {} },
	totalPerExecution: {},
	maxMoves: 0,
};

function parseCurrencyAmounts(text: string, field: string): Record<string, string> {
	const limits: Record<string, string> = {};
	for (const part of text
		.split(/[,;\n]/)
		.map((entry) => entry.trim())
		.filter(Boolean)) {
		const match = /^([A-Za-z]{3})\s+(\S+)$/.exec(part);
		if (!match) {
			throw new FieldError(
				field,
				`${field} must be a list of currency and amount pairs such as "EUR 5000.00, USD 100" (got "${part}")`,
			);
		}
		const currency = requireCurrency(match[1], `${field} currency`);
		if (limits[currency] !== undefined) {
			throw new FieldError(
				field,
				`${field} lists ${currency} twice ("${text.trim()}"): give each currency once`,
			);
		}
		limits[currency] = requireAmount(match[2], `${field} for ${currency}`, { currency });
	}
	return limits;
}

/** Reads the Safety collection; empty fields mean no limit. */
export function parseGuardSettings(raw: Record<string, unknown> | undefined): GuardSettings {
	const safety = raw ?? {};
	const limits: SpendingLimits = structuredClone(NO_LIMITS);
	const perItem = String(safety.maxAmountPerItem ?? '').trim();
	if (perItem !== '') {
		if (/^[\d.]+$/.test(perItem)) {
			limits.perItem.any = requireAmount(perItem, 'Maximum Amount per Item');
		} else {
			limits.perItem.byCurrency = parseCurrencyAmounts(perItem, 'Maximum Amount per Item');
		}
	}
	const total = String(safety.maxTotalPerExecution ?? '').trim();
	if (total !== '') {
		limits.totalPerExecution = parseCurrencyAmounts(total, 'Maximum Total per Execution');
	}
	const maxMoves = Number(safety.maxMovesPerExecution ?? 0);
	if (!Number.isInteger(maxMoves) || maxMoves < 0) {
		throw new FieldError(
			'Maximum Money Moves per Execution',
			'Maximum Money Moves per Execution must be a whole number (0 = no limit)',
		);
	}
	limits.maxMoves = maxMoves;
	return { validateOnly: safety.validateOnly === true, limits };
}

export function hasAmountLimits(limits: SpendingLimits): boolean {
	return (
		limits.perItem.any !== undefined ||
		Object.keys(limits.perItem.byCurrency).length > 0 ||
		Object.keys(limits.totalPerExecution).length > 0
	);
}

/** Why this item may not move money on its own, or undefined when it may. */
export function perItemViolation(amounts: MoveAmounts, limits: SpendingLimits): string | undefined {
	for (const { currency, amount } of amounts) {
		const cap = limits.perItem.byCurrency[currency] ?? limits.perItem.any;
		if (cap !== undefined && compareDecimals(amount, cap) > 0) {
			return `Maximum Amount per Item is ${currency} ${cap}; this item moves ${currency} ${amount}`;
		}
	}
	return undefined;
}

export function emptyLedger(): GuardLedger {
	return { moves: 0, totals: {}, keys: {} };
}

/** Whether this exact request was already counted under its key in this execution. */
export function alreadyCounted(
	ledger: GuardLedger,
	key: string | undefined,
	requestFingerprint: string,
): boolean {
	return key !== undefined && ledger.keys[key] === requestFingerprint;
}

/**
 * Why this move may not be sent given what was already sent in this execution, or undefined.
 * Every move about to be sent is checked, whatever its key; only the same request under the same
 * key (already counted) is not counted twice. A key already counted for another request is refused.
 */
export function executionViolation(
	amounts: MoveAmounts | undefined,
	key: string | undefined,
	requestFingerprint: string,
	limits: SpendingLimits,
	ledger: GuardLedger,
): string | undefined {
	if (key !== undefined && ledger.keys[key] !== undefined) {
		if (ledger.keys[key] === requestFingerprint) return undefined;
		return `the key ${key} was already used in this execution for a different request`;
	}
	if (limits.maxMoves > 0 && ledger.moves + 1 > limits.maxMoves) {
		return `Maximum Money Moves per Execution is ${limits.maxMoves}; ${ledger.moves} already sent in this execution`;
	}
	for (const { currency, amount } of amounts ?? []) {
		const cap = limits.totalPerExecution[currency];
		if (cap === undefined) continue;
		const sofar = ledger.totals[currency] ?? '0';
		if (compareDecimals(addDecimals(sofar, amount), cap) > 0) {
			return `Maximum Total per Execution for ${currency} is ${cap}; ${currency} ${sofar} already sent in this execution and this item moves ${amount}`;
		}
	}
	return undefined;
}

/** Counts a move before it is sent (once per key and request). */
export function reserveMove(
	ledger: GuardLedger,
	amounts: MoveAmounts | undefined,
	key: string | undefined,
	requestFingerprint: string,
): void {
	if (alreadyCounted(ledger, key, requestFingerprint)) return;
	if (key !== undefined) ledger.keys[key] = requestFingerprint;
	ledger.moves += 1;
	for (const { currency, amount } of amounts ?? []) {
		ledger.totals[currency] = addDecimals(ledger.totals[currency] ?? '0', amount);
	}
}

/** Takes back a reservation: the provider definitively refused the move, so nothing moved. */
export function releaseMove(
	ledger: GuardLedger,
	amounts: MoveAmounts | undefined,
	key: string | undefined,
): void {
	if (key !== undefined) {
		if (ledger.keys[key] === undefined) return;
		delete ledger.keys[key];
	}
	ledger.moves = Math.max(0, ledger.moves - 1);
	for (const { currency, amount } of amounts ?? []) {
		ledger.totals[currency] = subtractDecimals(ledger.totals[currency] ?? '0', amount);
	}
}

/** Sum per currency of several amounts (e.g. the bills of one transaction). */
export function sumByCurrency(entries: MoveAmounts): MoveAmounts {
	const totals = new Map<string, string>();
	for (const { currency, amount } of entries) {
		totals.set(currency, addDecimals(totals.get(currency) ?? '0', amount));
	}
	return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

const SAFE_HEADERS = new Set([
	'accept',
	'content-type',
	'idempotency-key',
	'x-reference-id',
	'retailer-id',
	'x-target-environment',
	'x-callback-url',
]);

/** Headers as a dry run shows them: anything that may carry a secret is masked. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [
			name,
			SAFE_HEADERS.has(name.toLowerCase()) ? value : '***',
		]),
	);
}
