/**
 * What a webhook trigger accepted in this n8n process recently, in front of the record it keeps in
 * the workflow's static data.
 *
 * Why: n8n loads a workflow's static data when a delivery arrives and saves it whole once the
 * trigger has answered. A second delivery handled by the same process in between (at the same
 * instant, or right after the first answer) loads the record without the first one's entry, and its
 * save drops that entry: measured in n8n 2.41, 4 of 5 simultaneous Monerium webhook-ids were lost,
 * and a later retry of one of them started the workflow again. This record, shared by every
 * delivery the process handles, closes that gap inside one process. Static data remains the record
 * that survives a restart and that other processes (queue-mode webhook processes) read.
 */

import type { IWebhookFunctions } from 'n8n-workflow';

/** A key counts as recent this long (the longest provider retry window we know: 24 hours). */
const RETENTION_MS = 24 * 60 * 60 * 1000;
/** Keys kept per trigger (workflow + node); the oldest go first. */
const MAX_KEYS_PER_TRIGGER = 1000;

const triggers = new Map<string, Map<string, { value: string; at: number }>>();

/**
 * Records `key` = `value` for the trigger (`scope`: workflow id and node name) and returns true,
 * unless this process already recorded the same value for the key within the retention period
 * (then false: a duplicate). For "same delivery id" checks pass a constant value; for "same status
 * as the last one emitted" pass the status.
 */
export function claimRecentDelivery(
	scope: string,
	key: string,
	value = '',
	nowMs: number = Date.now(),
): boolean {
	let recent = triggers.get(scope);
	if (!recent) {
		recent = new Map();
		triggers.set(scope, recent);
	}
	// Map order is insertion order: the oldest entries come first.
	for (const [oldKey, entry] of recent) {
		if (nowMs - entry.at <= RETENTION_MS) break;
		recent.delete(oldKey);
	}
	const known = recent.get(key);
	if (known && known.value === value) return false;
	recent.delete(key);
	recent.set(key, { value, at: nowMs });
	while (recent.size > MAX_KEYS_PER_TRIGGER) recent.delete(recent.keys().next().value as string);
	return true;
}

/** The scope of one trigger node of one workflow. */
export function triggerScope(workflowId: string | undefined, nodeName: string): string {
	return `${workflowId ?? ''}\u0000${nodeName}`;
}

/**
 * Whether a webhook trigger should start a run for this delivery (`key`, with `value` as in
 * claimRecentDelivery). It is recorded in this process and, by `recordInStaticData` (true when the
 * key was new there), in the workflow's static data. Both records are always updated, so static data
 * also regains an entry that a concurrent save dropped.
 */
export function isNewDelivery(
	context: Pick<IWebhookFunctions, 'getWorkflow' | 'getNode'>,
	key: string,
	value: string,
	recordInStaticData: () => boolean,
): boolean {
	const scope = triggerScope(context.getWorkflow().id, context.getNode().name);
	const newInProcess = claimRecentDelivery(scope, key, value);
	const newInStaticData = recordInStaticData();
	return newInProcess && newInStaticData;
}

const rejected = new Map<string, { count: number; lastAt: number }>();

/**
 * Counts a request a trigger refused without a valid secret (forged, or sent to a guessed URL) and
 * returns how many it refused in this process so far. Kept in memory only: a flood of forged
 * requests must not turn into a write to the database per request.
 */
export function countRejectedDelivery(scope: string, nowMs: number = Date.now()): number {
	const entry = rejected.get(scope) ?? { count: 0, lastAt: nowMs };
	entry.count++;
	entry.lastAt = nowMs;
	rejected.set(scope, entry);
	return entry.count;
}

/** How many requests this trigger refused in this process, and when the last one came. */
export function rejectedDeliveries(scope: string): { count: number; lastAt: string | null } {
	const entry = rejected.get(scope);
	return entry
		? { count: entry.count, lastAt: new Date(entry.lastAt).toISOString() }
		: { count: 0, lastAt: null };
}
