import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * How many money-move keys each node remembers across executions (n8n keeps them in its
 * database, per workflow and node, through the deduplication helpers every node may use).
 */
const JOURNAL_SIZE = 10_000;
const OPTIONS = { mode: 'entries', maxEntries: JOURNAL_SIZE } as const;

/**
 * Records the keys of the money moves this run is about to send and returns those an earlier run
 * or execution already recorded: each of them may have reached the provider, so it is looked up
 * before anything is sent again. Undefined when n8n offers no journal here (an unsaved workflow,
 * a test harness without a database): then every key must be treated as possibly sent.
 */
export async function recordAttempts(
	context: IExecuteFunctions,
	keys: string[],
): Promise<Set<string> | undefined> {
	if (keys.length === 0) return new Set();
	try {
		const { processed } = await context.helpers.checkProcessedAndRecord(keys, 'node', OPTIONS);
		return new Set(processed.map(String));
	} catch {
		return undefined;
	}
}

/** Forgets keys whose move definitively did not happen, so a later run sends them without a lookup. */
export async function forgetAttempts(context: IExecuteFunctions, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	try {
		await context.helpers.removeProcessed(keys, 'node', OPTIONS);
	} catch {
		// Keeping a key only costs a lookup before it is sent again.
	}
}
