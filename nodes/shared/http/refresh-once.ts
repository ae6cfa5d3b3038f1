import { createHash } from 'crypto';

/**
 * How long after it came a refreshed token still answers for the same expired one: requests sent
 * with the expired token before the refresh get their 401 a little later.
 */
const REUSE_MS = 10_000;

interface Refresh {
	stale: string;
	/** When the refresh settled; undefined while it is in flight. */
	settledAt?: number;
	result: Promise<unknown>;
}

const refreshes = new Map<string, Refresh>();

function digest(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/**
 * One token or session refresh for every request that found the same one missing or expired at
 * the same time: n8n calls a credential's preAuthentication for each request that got a 401, so
 * ten items in flight would otherwise fetch ten tokens. `identity` names the credential (hashed,
 * never kept as text); `stale` is the token value the caller saw.
 */
export async function refreshOnce<Result>(
	identity: string,
	stale: string,
	fetch: () => Promise<Result>,
): Promise<Result> {
	const key = digest(identity);
	const staleDigest = digest(stale);
	const last = refreshes.get(key);
	// While a refresh is in flight everyone who saw the same token joins it; once it settled, only
	// callers holding the same expired token (not an empty one: nothing was issued yet) reuse it.
	const reusable =
		last?.stale === staleDigest &&
		(last.settledAt === undefined || (stale !== '' && Date.now() - last.settledAt < REUSE_MS));
	if (last && reusable) return (await last.result) as Result;
	const result = fetch();
	const entry: Refresh = { stale: staleDigest, result };
	refreshes.set(key, entry);
	result.then(
		() => {
			entry.settledAt = Date.now();
		},
		() => {
			if (refreshes.get(key) === entry) refreshes.delete(key);
		},
	);
	return await result;
}
