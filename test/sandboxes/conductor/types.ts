// Public types of the fake Moment Conductor server (re-exported by index.ts).

export interface ConductorSandboxOptions {
	/** Secret key the sandbox accepts as `Authorization: Bearer <key>`. Default 'sk_test_conductor_sandbox'. */
	secretKey?: string;
	/** Retailer ids accepted in the Retailer-Id header. Default ['RETAILER-001', 'RETAILER-002']. */
	retailerIds?: string[];
	/** Port to listen on (127.0.0.1 only). Default 0: an ephemeral port. */
	port?: number;
	/** How long every answer takes (ms), like a real provider's latency. Default 0. */
	latencyMs?: number;
	/**
	 * Shape of successful answers. 'enveloped' (default): `{ status, data }` everywhere, as most
	 * samples; 'as-documented': the account enquiry answers bare, as its sample
	 * (`{ external_id, customer, biller, amount_due, products, bills }`); 'bare': every answer is
	 * its content without the envelope. The document shows both shapes, so clients must read both.
	 */
	responseShape?: 'enveloped' | 'as-documented' | 'bare';
	/**
	 * Largest `depth` /catalogs accepts (INVALID_DEPTH above it). The document lists INVALID_DEPTH
	 * and gives no maximum. Default: no maximum.
	 */
	maxDepth?: number;
	/** Where /catalogs puts a category: 'data' (default) or 'data.category'. */
	catalogAt?: 'data' | 'data.category';
}

export type ConductorFaultKind =
	| 'drop-after-processing'
	| 'status-500'
	| 'status-503'
	| 'status-429'
	| 'delay'
	| 'hold-after-processing';

export interface ConductorFault {
	kind: ConductorFaultKind;
	/** Only requests with this HTTP method (case-insensitive). */
	method?: string;
	/** Exact path relative to baseUrl or to the root, or a RegExp tested on the full path. */
	path?: string | RegExp;
	/** How many matching requests the fault applies to. Default 1. */
	times?: number;
	/** For 'delay': how long the endpoint takes. Default 200. */
	delayMs?: number;
	/** For 'status-429': value of the Retry-After header. Default 1. */
	retryAfterSeconds?: number;
	/**
	 * For 'hold-after-processing': the request has been carried out and its answer saved under its
	 * idempotency key; the answer is sent when the returned promise settles (a client killed meanwhile
	 * never learns the outcome, as when a process dies in the middle of a request).
	 */
	hold?: (request: ConductorRequestRecord) => Promise<void>;
	/** Only requests this predicate accepts (e.g. one item's body). */
	when?: (request: ConductorRequestRecord) => boolean;
}

export interface ConductorRequestRecord {
	method: string;
	/** Full path without the query string, e.g. '/conductor/v1/transactions'. */
	path: string;
	query: Record<string, string>;
	/** Header names lower-cased, repeated headers joined with ', '. */
	headers: Record<string, string | undefined>;
	/** Parsed JSON body, the raw text when it is not JSON, undefined when empty. */
	body: unknown;
}

export interface ConductorStats {
	transactionsCreated: number;
	partnerTransactionsCreated: number;
	ordersCreated: number;
	completions: number;
	cancellations: number;
	replays: number;
}

/** Latency every answer waits for, and how many requests were open at once. */
export interface ConductorTraffic {
	latencyMs: number;
	inFlight: number;
	maxInFlight: number;
}

export interface ConductorSandbox {
	rootUrl: string;
	baseUrl: string;
	port: number;
	secretKey: string;
	retailerIds: string[];
	requests: ConductorRequestRecord[];
	stats: ConductorStats;
	transactions(): object[];
	partnerTransactions(): object[];
	orders(): object[];
	injectFault(fault: ConductorFault): void;
	traffic: ConductorTraffic;
	reset(): void;
	close(): Promise<void>;
}
