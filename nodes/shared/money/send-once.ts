import { sleep } from 'n8n-workflow';

import { isOutcomeUnknown } from '../execution/errors';

export interface SendOnceSteps<Result> {
	/** Sends the move (one request, never retried by the transport). */
	send(): Promise<Result>;
	/** Looks the move up by its key: the provider's record, or undefined when it proves absence. */
	lookup(): Promise<Result | undefined>;
}

export interface SendOnceOptions {
	/** How many times the move may be sent in all, each after a lookup proved it absent. */
	attempts?: number;
	initialDelayMs?: number;
	/** Wait before looking up after an unknown outcome. */
	lookupDelayMs?: number;
}

/**
 * Sends a money move to a provider whose document promises no deduplication, never twice blind:
 * after an answer that leaves the outcome unknown (no answer, 5xx, timeout) the move is looked up,
 * and sent again only when the lookup proves it does not exist. A definitive answer (2xx, 4xx) is
 * returned or thrown at once.
 */
export async function sendOnceOrFind<Result>(
	steps: SendOnceSteps<Result>,
	options: SendOnceOptions = {},
): Promise<{ result: Result; foundByLookup: boolean }> {
	const attempts = options.attempts ?? 3;
	const initialDelayMs = options.initialDelayMs ?? 500;
	const lookupDelayMs = options.lookupDelayMs ?? 250;
	for (let attempt = 1; ; attempt++) {
		const sent = await settle(steps.send());
		if (sent.ok) return { result: sent.value, foundByLookup: false };
		if (!isOutcomeUnknown(sent.error)) throw sent.error;
		// A provider may store the move a moment after the connection dropped: look a little later.
		await sleep(lookupDelayMs);
		const looked = await settle(steps.lookup());
		// Neither the move nor the lookup answered: its outcome stays unknown.
		if (!looked.ok) throw sent.error;
		if (looked.value !== undefined) return { result: looked.value, foundByLookup: true };
		if (attempt >= attempts) throw sent.error;
		await sleep(initialDelayMs * 2 ** (attempt - 1));
	}
}

type Settled<Value> = { ok: true; value: Value } | { ok: false; error: unknown };

async function settle<Value>(promise: Promise<Value>): Promise<Settled<Value>> {
	return await promise.then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}
