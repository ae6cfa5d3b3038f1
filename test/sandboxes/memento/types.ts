// Public types of the fake Memento Payments API (re-exported by index.ts).

export interface MementoSandboxOptions {
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
	/** Session lifetime; short values let tests see expiry. Default 10 minutes. */
	sessionLifetimeMs?: number;
	/** When set, every request must carry it in X-Project-Id. Default 'proj_sandbox'. */
	projectId?: string;
	/** How many payments are seeded (>= 250 so that lists cross pages). Default 260. */
	seededPayments?: number;
	/**
	 * What a repeated Idempotency-Key does on a money move (the document names no such header):
	 * 'replay' (default) answers the first result again; 'ignore' executes every request.
	 */
	idempotency?: 'replay' | 'ignore';
	/**
	 * Read `filter` as strictly three colon-separated parts and sort only on fields other than
	 * `uuid`: a filter value with a colon (an ISO timestamp) or `sort=...uuid...` is a 422. The
	 * document's syntax allows this reading (its only date example is 2018-01-01). Default false:
	 * the value is everything after the second colon.
	 */
	strictFilterSyntax?: boolean;
}

export interface MementoRequestRecord {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: unknown;
	status?: number;
}

export interface MementoFault {
	/**
	 * 'status': answer `status` instead of handling; 'expire-sessions': expire every session first;
	 * 'status-after-execute': handle the request (a money move is made), then answer `status`
	 * (default 500); 'drop-after-execute': handle it, then close the connection without an answer.
	 */
	kind: 'status' | 'expire-sessions' | 'status-after-execute' | 'drop-after-execute';
	status?: number;
	method?: string;
	path?: RegExp;
	/** How many matching requests the fault applies to. Default 1. */
	times?: number;
	retryAfterSeconds?: number;
	when?: (request: MementoRequestRecord) => boolean;
}

export interface MementoStats {
	sessionsCreated: number;
	tokensCreated: number;
	paymentsCreated: number;
	requestPayments: number;
	contributions: number;
	replays: number;
}

/** Every money move the sandbox made: payments, request payments and pool contributions. */
export function movesOf(stats: MementoStats): number {
	return stats.paymentsCreated + stats.requestPayments + stats.contributions;
}
