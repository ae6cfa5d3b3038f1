import {
	sleep,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
	type ICredentialsDecrypted,
} from 'n8n-workflow';

import { limiterFor } from './request-limiter';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export interface ProviderRequest {
	method: IHttpRequestMethods;
	url: string;
	headers?: Record<string, string>;
	body?: unknown;
	qs?: Record<string, string | number | boolean>;
	/**
	 * True for GETs and for writes the provider deduplicates (idempotency key, reference id).
	 * Only these are ever sent twice.
	 */
	idempotent: boolean;
}

export interface ProviderResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	attempts: number;
}

export interface RetryPolicy {
	maxAttempts: number;
	initialDelayMs: number;
	maxDelayMs: number;
	/** Statuses worth another try besides 429 and 5xx (Conductor: 409 while the first is running). */
	extraRetryStatuses: number[];
	/** An answer that will never change however often it is asked again (e.g. a replayed one). */
	isFinal?: (response: Omit<ProviderResponse, 'attempts'>) => boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	initialDelayMs: 250,
	maxDelayMs: 8000,
	extraRetryStatuses: [],
};

/** A request that never got an HTTP answer (connection refused, reset, timeout). */
export class TransportError extends Error {
	/**
	 * What n8n threw, for callers that tell its kinds apart (an OAuth2 refresh that failed). Not
	 * enumerable: it may carry the request's headers, which must never reach output or logs.
	 */
	declare readonly thrown?: unknown;

	constructor(
		message: string,
		readonly code: string | undefined,
		readonly attempts: number,
		thrown?: unknown,
	) {
		super(message);
		this.name = 'TransportError';
		Object.defineProperty(this, 'thrown', { value: thrown, enumerable: false });
	}
}

export function isRetryableStatus(status: number, policy: RetryPolicy): boolean {
	return status === 429 || status >= 500 || policy.extraRetryStatuses.includes(status);
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffDelayMs(
	attempt: number,
	policy: RetryPolicy,
	retryAfterMs?: number,
): number {
	const exponential = policy.initialDelayMs * 2 ** (attempt - 1);
	const wanted = retryAfterMs ?? exponential;
	return Math.min(wanted, policy.maxDelayMs);
}

/** The provider's answer body carried by an error n8n raised (it keeps it in `context.data`). */
function bodyOfThrown(error: unknown): unknown {
	const candidate = error as {
		context?: { data?: unknown };
		cause?: { response?: { data?: unknown } };
	};
	return candidate?.context?.data ?? candidate?.cause?.response?.data;
}

/** Failures where no answer came back, so asking again may get one. */
const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** The first error code (ECONNRESET, EAUTH, ...) that `accept`s, on an error or its causes. */
export function errorCode(
	error: unknown,
	accept: (code: string) => boolean = (code) => /^E[A-Z_]+$/.test(code),
): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && accept(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/**
 * The network error code behind an error, if any. Other codes (an OAuth2 client refused with
 * EAUTH, say) are not worth a retry: the same request gets the same answer.
 */
export function networkErrorCode(error: unknown): string | undefined {
	return errorCode(error, (code) => NETWORK_ERROR_CODES.has(code));
}

/** n8n's request options for a provider request: JSON, full response, statuses left to the caller. */
export function providerHttpOptions(
	request: ProviderRequest,
	ignoreHttpStatusErrors: IHttpRequestOptions['ignoreHttpStatusErrors'],
): IHttpRequestOptions {
	return {
		method: request.method,
		url: request.url,
		headers: { Accept: 'application/json', ...request.headers },
		qs: request.qs,
		body: request.body as IHttpRequestOptions['body'],
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors,
	};
}

function statusOfThrown(error: unknown): number | undefined {
	const candidate = error as { httpCode?: unknown; response?: { status?: unknown } } | undefined;
	const status = Number(candidate?.httpCode ?? candidate?.response?.status);
	return Number.isInteger(status) && status > 0 ? status : undefined;
}

type AttemptOutcome =
	| { response: Omit<ProviderResponse, 'attempts'> }
	| {
			failure: { status?: number; code?: string; message: string; body?: unknown; thrown: unknown };
	  };

async function attemptOnce(
	context: RequestContext,
	credentialType: string,
	httpOptions: IHttpRequestOptions,
	additionalCredentialOptions: { credentialsDecrypted: ICredentialsDecrypted } | undefined,
): Promise<AttemptOutcome> {
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			// n8n mutates the options while authenticating; every attempt starts clean.
			{ ...httpOptions, headers: { ...httpOptions.headers } },
			additionalCredentialOptions,
		)) as Omit<ProviderResponse, 'attempts'>;
		return { response };
	} catch (error) {
		return {
			failure: {
				status: statusOfThrown(error),
				code: networkErrorCode(error),
				message: (error as Error).message,
				body: bodyOfThrown(error),
				thrown: error,
			},
		};
	}
}

/**
 * Sends one provider request through n8n's `httpRequestWithAuthentication`, so the user's
 * credential, proxy settings and n8n's 401 re-authentication apply. Answers of any status come
 * back to the caller (which knows the provider's error format); a 401 is left to n8n so that
 * credentials with a session token get renewed once. Only idempotent requests are retried: on
 * network errors, 429 and 5xx (and the policy's extra statuses), honouring Retry-After.
 */
export async function sendWithRetry(
	context: RequestContext,
	credentialType: string,
	request: ProviderRequest,
	options: { policy?: RetryPolicy; credentials?: ICredentialsDecrypted } = {},
): Promise<ProviderResponse> {
	const policy = options.policy ?? DEFAULT_RETRY_POLICY;
	const maxAttempts = request.idempotent ? policy.maxAttempts : 1;
	const httpOptions = providerHttpOptions(request, { ignore: true, except: [401] });
	const additionalCredentialOptions = options.credentials
		? { credentialsDecrypted: options.credentials }
		: undefined;

	const limiter = limiterFor(context);
	for (let attempt = 1; ; attempt++) {
		// The node run's limiter shares capacity, 429 pauses and budgets between items in flight.
		const release = await limiter?.acquire();
		let outcome: AttemptOutcome;
		try {
			outcome = await attemptOnce(
				context,
				credentialType,
				httpOptions,
				additionalCredentialOptions,
			);
		} finally {
			release?.();
		}
		if ('response' in outcome && outcome.response.statusCode === 429) {
			limiter?.rateLimited(
				parseRetryAfterMs(outcome.response.headers['retry-after']),
				backoffDelayMs(attempt, policy),
			);
		} else {
			limiter?.answered();
		}
		if ('failure' in outcome) {
			const { failure } = outcome;
			if (failure.status !== undefined) {
				// A 401 that survived n8n's re-authentication: the caller explains it.
				return { statusCode: failure.status, headers: {}, body: failure.body, attempts: attempt };
			}
			if (failure.code !== undefined && attempt < maxAttempts) {
				await sleep(backoffDelayMs(attempt, policy));
				continue;
			}
			throw new TransportError(failure.message, failure.code, attempt, failure.thrown);
		}
		const { response } = outcome;
		const final = policy.isFinal?.(response) ?? false;
		if (attempt < maxAttempts && !final && isRetryableStatus(response.statusCode, policy)) {
			await sleep(
				backoffDelayMs(attempt, policy, parseRetryAfterMs(response.headers['retry-after'])),
			);
			continue;
		}
		return { ...response, attempts: attempt };
	}
}
