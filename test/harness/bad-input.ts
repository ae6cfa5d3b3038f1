import type { IDataObject } from 'n8n-workflow';

import type { RunResult } from './run-workflow';

/**
 * One bad input: the node's parameters and the item it runs on, and the field the error must name.
 * Every case runs one item (item 0) through n8n's engine against the provider's sandbox.
 */
export interface BadInputCase {
	label: string;
	parameters: IDataObject;
	item?: IDataObject;
	/** The field the error names (its display name). */
	field: string | RegExp;
	/** Further words the message must hold (e.g. "more decimals"). */
	message?: RegExp;
}

/**
 * A maker of cases that feed the item's `amount` into a node whose amount parameter is the
 * expression {{ $json.amount }}; `item` holds what else the item needs (a reference, say).
 */
export function amountCases(parameters: IDataObject, item: IDataObject = {}) {
	return (label: string, amount: IDataObject[string], message?: RegExp): BadInputCase => ({
		label,
		parameters: structuredClone(parameters),
		item: { ...item, amount },
		field: /Amount/,
		message,
	});
}

/** The error is a clear one: it names the field and item 0 (and what is wrong, when given). */
export function expectFieldError(result: RunResult, badInput: BadInputCase): void {
	const message = result.error?.message ?? '';
	expect(message).toMatch(/\[item 0\]$/);
	expect(message).toMatch(badInput.field);
	if (badInput.message) expect(message).toMatch(badInput.message);
}

/**
 * Every case as a test of its own: run it, expect an error naming the field and item 0, and no
 * request at all at the sandbox (not even a token or session request).
 */
export function itRefusesEveryBadInput(
	cases: BadInputCase[],
	runCase: (badInput: BadInputCase) => Promise<RunResult>,
	requestsAtSandbox: () => unknown[],
): void {
	it.each(cases.map((badInput) => [badInput.label, badInput] as const))(
		'%s: an error naming the field and item, and no request at the sandbox',
		async (_, badInput) => {
			expectFieldError(await runCase(badInput), badInput);
			expect(requestsAtSandbox()).toHaveLength(0);
		},
	);
}

/** A JSON number above 2^53, as an upstream node would hand it over. */
export const HUGE_NUMBER = Number('12345678901234567890');
