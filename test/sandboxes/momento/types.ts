// Public types of the fake Momento Business API (re-exported by index.ts).

export type OrderKind = 'deposit' | 'withdrawal';

export type OrderStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled';

export interface MomentoSandboxOptions {
	/** Secret key whose HMAC-SHA512 signatures are accepted. Default 'momento_test_secret_key'. */
	secretKey?: string;
	/** Port on 127.0.0.1; default 0 (ephemeral). */
	port?: number;
	/** Requests allowed per window before 429. Default 1000 per hour, as documented. */
	rateLimit?: RateLimit;
	/** POST status callbacks to the orders' callback_url when a status changes. Default true. */
	deliverCallbacks?: boolean;
	/**
	 * Whether a repeated orderID (per kind) is refused with 409 DUPLICATE_ORDER. The document
	 * promises no such deduplication, so by default (false) a repeated orderID simply creates
	 * another order, the worst case for money: every test that does not opt in shows what the
	 * node itself does to move money once.
	 */
	deduplicateOrderIds?: boolean;
	/**
	 * The list endpoints' orderID filter, which the document does not describe: 'honoured'
	 * (default) or 'ignored' (every order is listed whatever the filter says).
	 */
	orderIdFilter?: OrderIdFilter;
	/**
	 * Shape of a 400 (the document does not give the error body): 'code-message' answers
	 * { error, message, details }, 'detail-errors' answers { detail, errors: { field: [...] } }.
	 */
	errorStyle?: MomentoErrorStyle;
}

export type MomentoErrorStyle = 'code-message' | 'detail-errors';

export type OrderIdFilter = 'honoured' | 'ignored';

export interface RateLimit {
	limit: number;
	windowMs: number;
}

/**
 * `status-500`: a 500 before anything is done. `drop-after-processing`: the request is executed
 * (an order stored), then the connection is destroyed without an answer.
 * `status-500-after-processing`: the request is executed, then answered 500.
 */
export type MomentoFaultKind =
	| 'status-500'
	| 'drop-after-processing'
	| 'status-500-after-processing';

export interface MomentoFault {
	kind: MomentoFaultKind;
	method?: string;
	/** Path relative to the base URL, e.g. '/deposit_orders/'. */
	path?: string;
	times?: number;
	/** Only requests whose parsed JSON body this accepts. */
	when?: (body: unknown) => boolean;
}

export interface MomentoRequestRecord {
	method: string;
	/** Path relative to the base URL, e.g. '/deposit_orders/'. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	/** The bytes exactly as received. */
	rawBody: Buffer;
	/** Parsed JSON body; undefined when empty or not JSON. */
	body: unknown;
	/** undefined when the request carried no M-Signature header. */
	signatureValid?: boolean;
	/** The status the endpoint produced (also when the answer was then dropped or replaced). */
	status?: number;
	/** True when the connection was destroyed instead of answering. */
	dropped?: boolean;
}

export interface BankAccountRequest {
	email: string;
	id_number: string;
	bank_code?: string;
	account_number?: string;
	account_type?: string;
}

export interface Order {
	id: string;
	kind: OrderKind;
	orderID: string;
	amount: string;
	currency: string;
	status: OrderStatus;
	callback_url?: string;
	request: BankAccountRequest;
	created_at: string;
	updated_at: string;
}

export interface User {
	id: string;
	email: string;
	id_number: string;
	first_name: string;
	last_name: string;
	phone?: string;
	created_at: string;
}

export interface CallbackDelivery {
	url: string;
	/** The exact bytes sent. */
	rawBody: string;
	payload: Record<string, unknown>;
	/** HTTP status the receiver answered, or undefined if delivery failed or was skipped. */
	responseStatus?: number;
	responseBody?: string;
	error?: string;
}

export interface MomentoStats {
	depositsCreated: number;
	withdrawalsCreated: number;
	usersCreated: number;
	duplicateOrders: number;
	rejectedSignatures: number;
	rateLimited: number;
}

export interface MomentoSandbox {
	rootUrl: string;
	/** The credential's custom base URL: `${rootUrl}/integrations`. */
	baseUrl: string;
	port: number;
	secretKey: string;
	requests: MomentoRequestRecord[];
	callbacks: CallbackDelivery[];
	stats: MomentoStats;
	/** Every deposit order created (a repeated orderID in non-deduplicating mode is another one). */
	deposits(): Order[];
	withdrawals(): Order[];
	setDeduplicateOrderIds(deduplicate: boolean): void;
	setOrderIdFilter(filter: OrderIdFilter): void;
	users(): User[];
	setRateLimit(limit: RateLimit): void;
	injectFault(fault: MomentoFault): void;
	/**
	 * Moves an order (the latest with this orderID) to a new status and delivers the callback
	 * (if it has a callback_url).
	 */
	setOrderStatus(kind: OrderKind, orderID: string, status: OrderStatus): Promise<CallbackDelivery>;
	/** Sends a recorded callback again (Momento retrying a delivery). */
	redeliver(callback: CallbackDelivery): Promise<CallbackDelivery>;
	reset(): void;
	close(): Promise<void>;
}
