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
	/** 'status': answer `status` instead of handling; 'expire-sessions': expire every session first. */
	kind: 'status' | 'expire-sessions';
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
