/**
 * The webhook-ids the Monerium Trigger has emitted, in the workflow's static data: Monerium retries
 * a delivery (up to 10 times in 12 hours) with the same webhook-id, and it must start the workflow
 * once.
 */

/** Keys JavaScript orders numerically before all others in an object: array indexes. */
function isArrayIndex(key: string): boolean {
	return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/**
 * Remembers delivered webhook ids (in workflow static data) so a retried delivery is emitted once.
 * Entries older than `retentionSeconds` are dropped and at most `maxEntries` are kept, oldest
 * first out, so the record stays small. Returns true when the id is new.
 */
export function rememberDelivery(
	seen: Record<string, number>,
	id: string,
	nowSeconds: number,
	options: { retentionSeconds?: number; maxEntries?: number } = {},
): boolean {
	const retention = options.retentionSeconds ?? 24 * 60 * 60;
	const maxEntries = options.maxEntries ?? 1000;
	const cutoff = nowSeconds - retention;
	// One pass: drop expired ids, count the rest and find the oldest (the first of equals in key
	// order, which is what a stable sort by time would put first).
	let count = 0;
	let oldest: string | undefined;
	let oldestAt = Infinity;
	for (const key of Object.keys(seen)) {
		const at = seen[key];
		if (at < cutoff) {
			delete seen[key];
			continue;
		}
		count++;
		if (at < oldestAt) {
			oldestAt = at;
			oldest = key;
		}
	}
	if (Object.prototype.hasOwnProperty.call(seen, id)) return false;
	seen[id] = nowSeconds;
	count++;
	const excess = count - maxEntries;
	if (excess <= 0) return true;
	if (excess === 1 && !isArrayIndex(id)) {
		// The usual case, one id added to a full record. A key that is not an array index comes last
		// in key order, so it is the one dropped only when strictly older than every other.
		delete seen[oldest === undefined || nowSeconds < oldestAt ? id : oldest];
		return true;
	}
	// Several over the limit (maxEntries lowered), or an array-index id (ordered before the others).
	const keys = Object.keys(seen);
	keys
		.sort((a, b) => seen[a] - seen[b])
		.slice(0, keys.length - maxEntries)
		.forEach((key) => delete seen[key]);
	return true;
}
