/**
 * Page-number pagination (`page` = 1, 2, ... and `limit` = page size) for list endpoints that
 * answer a plain page of items. Only the items the caller asked for are kept, so memory is bounded
 * by what the node returns, never by the size of the collection.
 */
export interface PageRequest {
	page: number;
	limit: number;
}

export interface PageWalkOptions<T> {
	/** Fetches one page; the walk stops at the first page shorter than `limit`. */
	fetchPage(request: PageRequest): Promise<T[]>;
	/** Page size asked for (the provider's maximum is the cheapest). */
	pageSize: number;
	/** Stop after this many items (Limit); undefined walks to the end (Return All). */
	maxItems?: number;
	/** Safety stop for a provider that never answers a short page. */
	maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 10000;

/** Yields every page in order, trimmed to `maxItems`. */
export async function* walkPages<T>(options: PageWalkOptions<T>): AsyncGenerator<T[]> {
	const { pageSize, maxItems } = options;
	if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('pageSize must be >= 1');
	const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
	let remaining = maxItems ?? Number.POSITIVE_INFINITY;
	for (let page = 1; page <= maxPages && remaining > 0; page++) {
		// A Limit below one page asks for just that many (page 1 of that size is the same items).
		const limit = page === 1 ? Math.min(pageSize, remaining) : pageSize;
		const items = await options.fetchPage({ page, limit });
		const kept = items.length > remaining ? items.slice(0, remaining) : items;
		remaining -= kept.length;
		if (kept.length > 0) yield kept;
		if (items.length < limit) return;
	}
}

/** Collects the items of every page (Return All) or the first `maxItems` (Limit). */
export async function collectPages<T>(options: PageWalkOptions<T>): Promise<T[]> {
	const collected: T[] = [];
	for await (const page of walkPages(options)) collected.push(...page);
	return collected;
}
