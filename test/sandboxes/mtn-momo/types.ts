// Public types of the fake MTN MoMo Open API (re-exported by index.ts).

export type MomoProduct = 'collection' | 'disbursement';

export type CallbackMethod = 'PUT' | 'POST';
/** What the sandbox does with X-Callback-Url's query string when it calls back. */
export type CallbackQuery = 'keep' | 'drop';

export interface MomoSandboxOptions {
	/** Port on 127.0.0.1. Default 0: an ephemeral port. */
	port?: number;
	/** How long every answer takes (ms), like a real provider's latency. Default 0. */
	latencyMs?: number;
	/** How long an access token lives. Default 3600 s, as MTN's expires_in. */
	tokenTtlMs?: number;
	/** How long a request to pay or transfer stays PENDING before it settles. Default 40 ms. */
	settleAfterMs?: number;
	/** The method the sandbox calls callback URLs with (MTN uses either). Default PUT. */
	callbackMethod?: CallbackMethod;
	/** Host the pre-provisioned API user accepts in X-Callback-Url. Default 127.0.0.1. */
	providerCallbackHost?: string;
	/**
	 * What a request to pay or transfer with an X-Reference-Id already used does. The document
	 * (seed 004) is silent: 'conflict' (default, what MTN's sandbox answers) refuses it with 409
	 * RESOURCE_ALREADY_EXIST; 'accept' executes it again as a new payment (202), while the status
	 * read by that reference keeps showing the first one.
	 */
	repeatedReference?: 'conflict' | 'accept';
	/**
	 * Whether callbacks go to X-Callback-Url with its query string. MTN's documentation (and the
	 * seed) does not say; 'drop' plays a provider that calls back the URL without its query.
	 * Default 'keep'; setCallbackQuery changes it on a running sandbox.
	 */
	callbackQuery?: CallbackQuery;
}

/**
 * 'status-500' / 'status-503' / 'status-429': answer that status without processing;
 * 'status-500-after-processing': process (a payment is made), then answer 500;
 * 'drop-after-processing': process, then close the connection without an answer.
 */
export type MomoFaultKind =
	| 'status-500'
	| 'status-503'
	| 'status-429'
	| 'status-500-after-processing'
	| 'drop-after-processing'
	| 'expire-tokens';

export interface MomoFault {
	kind: MomoFaultKind;
	method?: string;
	/** Exact path (e.g. '/collection/v1_0/requesttopay') or a RegExp. */
	path?: string | RegExp;
	/** How many matching requests the fault applies to. Default 1. */
	times?: number;
	/** Matching requests let through before the fault starts. Default 0. */
	skip?: number;
	/** Retry-After (seconds) sent with 'status-429'. Default 0. */
	retryAfterSeconds?: number;
	when?: (request: MomoRequestRecord) => boolean;
}

export interface MomoRequestRecord {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: unknown;
	statusCode?: number;
}

export interface MomoStats {
	/** Token requests per product, successful or not. */
	tokenRequests: Record<MomoProduct, number>;
	tokensIssued: number;
	requestsToPay: number;
	transfers: number;
	duplicateReferences: number;
	apiUsersCreated: number;
	apiKeysCreated: number;
}

export interface CallbackRecord {
	url: string;
	method: CallbackMethod;
	body: Record<string, unknown>;
	/** What the callback URL answered; undefined when it could not be reached. */
	statusCode?: number;
}

export interface MomoParty {
	partyIdType: string;
	partyId: string;
}

export interface MomoPayment {
	product: MomoProduct;
	referenceId: string;
	amount: string;
	currency: string;
	externalId: string;
	/** payer for a request to pay, payee for a transfer */
	party: MomoParty;
	payerMessage?: string;
	payeeNote?: string;
	status: 'PENDING' | 'SUCCESSFUL' | 'FAILED';
	reason?: string;
	financialTransactionId?: string;
	callbackUrl?: string;
	settleAt: number;
}

export interface MomoSandbox {
	rootUrl: string;
	/** Same as rootUrl: MoMo paths start at the host root. */
	baseUrl: string;
	port: number;
	subscriptionKeys: Record<MomoProduct, string>;
	apiUser: string;
	apiKey: string;
	requests: MomoRequestRecord[];
	callbacks: CallbackRecord[];
	stats: MomoStats;
	payments(product?: MomoProduct): MomoPayment[];
	injectFault(fault: MomoFault): void;
	/** Makes every token issued so far expire now. */
	expireTokens(): void;
	/** Settles every due payment and resolves when their callbacks have been answered. */
	flushCallbacks(): Promise<void>;
	/** From now on, call back X-Callback-Url with ('keep') or without ('drop') its query string. */
	setCallbackQuery(mode: CallbackQuery): void;
	/**
	 * While held, settled payments are not called back (a late MoMo); flushCallbacks after
	 * releasing sends what was held.
	 */
	holdCallbacks(held: boolean): void;
	setBalance(product: MomoProduct, availableBalance: string, currency?: string): void;
	reset(): void;
	close(): Promise<void>;
}
