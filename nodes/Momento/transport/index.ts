import {
	NodeApiError,
	NodeOperationError,
	type ICredentialsDecrypted,
	type IDataObject,
	type JsonObject,
} from 'n8n-workflow';

import { maskCallbackTokens } from '../../shared/webhooks/callback-token';
import { providerApiError, transportErrorToNodeError } from '../../shared/execution/errors';
import {
	DEFAULT_RETRY_POLICY,
	parseRetryAfterMs,
	sendWithRetry,
	type RequestContext,
	type RetryPolicy,
	type TransportError,
} from '../../shared/http/send-with-retry';
import { resendAfterRateLimit } from '../../shared/http/rate-limit-resend';
import { RequestBudgetError } from '../../shared/http/request-limiter';
import { momentoBaseUrl } from '../constants';
import { signCallbackUrl } from '../trigger/callback';
import { momentoHint, RATE_LIMIT_PER_HOUR, readMomentoError } from './errors';
import { momentoJsonBody } from './json-body';

export const MOMENTO_CREDENTIAL = 'momentoApi';
export const PROVIDER = 'Momento';

export type OrderKind = 'deposit' | 'withdrawal';

/** What an operation asks the transport to send, fully checked. */
export interface MomentoRequest {
	method: 'GET' | 'POST';
	/** Relative to the base URL, with Momento's trailing slash (e.g. /deposit_orders/). */
	path: string;
	body?: IDataObject;
	qs?: Record<string, string>;
	/** List endpoints: walk the pages (Return All) or stop at `limit`. */
	list?: { returnAll: boolean; limit: number };
	/**
	 * How to find what a create may already have made: an order by its orderID, a user by cédula.
	 * Used after an unknown outcome, before a repeat from an earlier execution, and on a 409.
	 */
	replay?: { kind: OrderKind; orderID: string } | { kind: 'user'; idNumber: string };
}

/**
 * GETs are sent again after no answer, a 5xx or a 429. Creates are not: the document promises no
 * deduplication of a repeated orderID, so they are sent once (`sendOnce`) and, when the outcome is
 * unknown, looked up before being sent again (transport/orders.ts). A 429 means nothing was done,
 * so it is waited out (Retry-After) up to a minute per attempt for every request.
 */
export const MOMENTO_RETRY_POLICY: RetryPolicy = {
	...DEFAULT_RETRY_POLICY,
	maxAttempts: 5,
	initialDelayMs: 250,
	maxDelayMs: 60_000,
	// A window that reopens only after more than a minute is reported at once, not slept through.
	isFinal: (response) =>
		response.statusCode === 429 &&
		(parseRetryAfterMs(response.headers['retry-after']) ?? 0) > 60_000,
};

export interface MomentoSession {
	credentials: ICredentialsDecrypted;
	baseUrl: string;
	secretKey: string;
	defaultCallbackUrl: string;
	policy: RetryPolicy;
	/** Set when the rate limit outlasted every retry: later items are not sent until then. */
	rateLimitedUntil?: number;
}

export interface MomentoCall {
	method: 'GET' | 'POST';
	path: string;
	body?: IDataObject;
	qs?: Record<string, string | number>;
}

export interface MomentoResponse {
	statusCode: number;
	body: unknown;
}

/** Reads the credential once per node run instead of once per request. */
export async function openMomentoSession(
	context: RequestContext,
	policy: RetryPolicy = MOMENTO_RETRY_POLICY,
): Promise<MomentoSession> {
	const data = await context.getCredentials(MOMENTO_CREDENTIAL);
	const secretKey = String(data.secretKey ?? '').trim();
	if (secretKey === '') {
		throw new NodeOperationError(context.getNode(), 'The Momento credential has no Secret Key', {
			description: 'Open the credential and paste the secret key El Momento gave you.',
		});
	}
	const baseUrl = momentoBaseUrl(data);
	if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) {
		throw new NodeOperationError(
			context.getNode(),
			'The Momento credential has no valid Base URL',
			{
				description: 'With Environment "Custom URL", set Base URL to an http(s) URL.',
			},
		);
	}
	const reference = context.getNode().credentials?.[MOMENTO_CREDENTIAL];
	return {
		credentials: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: MOMENTO_CREDENTIAL,
			data,
		},
		baseUrl,
		secretKey,
		defaultCallbackUrl: String(data.callbackUrl ?? '').trim(),
		policy,
	};
}

function rateLimitError(
	context: RequestContext,
	waitMs: number | undefined,
	attempts: number,
	itemIndex: number | undefined,
	sent: boolean,
): NodeApiError {
	const wait = waitMs !== undefined ? ` Momento asked to wait ${Math.ceil(waitMs / 1000)} s.` : '';
	const what = sent
		? `still answered 429 Too Many Requests after ${attempts} attempt(s)`
		: 'limit was reached by an earlier item of this batch, so this item was not sent';
	return new NodeApiError(context.getNode(), { error: 'RATE_LIMIT_EXCEEDED' } as JsonObject, {
		message: `Momento rate limit: the API allows ${RATE_LIMIT_PER_HOUR} requests per hour and ${what}.${wait}`,
		description:
			'Nothing was created by this item. Run it again after the wait, or send fewer items per hour (split the batch or add a Wait node).',
		httpCode: '429',
		itemIndex,
	});
}

/**
 * Sends one request with the credential (which signs it) through the shared transport and returns
 * Momento's answer; an error answer becomes a NodeApiError with Momento's message, except the
 * statuses the caller handles itself (`accept`, e.g. 409 for creates). With `sendOnce` (creates)
 * the request is sent again only after a 429; no answer or a 5xx is left to the caller, which
 * looks the order up before anything is sent again.
 */
export async function callMomento(
	context: RequestContext,
	session: MomentoSession,
	call: MomentoCall,
	options: { itemIndex?: number; accept?: number[]; sendOnce?: boolean } = {},
): Promise<MomentoResponse> {
	const { itemIndex } = options;
	if (session.rateLimitedUntil !== undefined && Date.now() < session.rateLimitedUntil) {
		throw rateLimitError(context, session.rateLimitedUntil - Date.now(), 0, itemIndex, false);
	}
	const secrets = [session.secretKey];
	const idempotent = options.sendOnce !== true;
	const send = async () =>
		await sendWithRetry(
			context,
			MOMENTO_CREDENTIAL,
			{
				method: call.method,
				url: `${session.baseUrl}${call.path}`,
				// The callback URL gets its token here, so only what is sent carries it; the amount is
				// written as a JSON number from its decimal string.
				body:
					call.method === 'POST'
						? momentoJsonBody(signCallbackUrl(call.body ?? {}, session.secretKey))
						: undefined,
				qs: call.qs,
				idempotent,
			},
			{ policy: session.policy, credentials: session.credentials },
		);
	let response;
	try {
		response = idempotent ? await send() : await resendAfterRateLimit(send, session.policy);
	} catch (error) {
		// The documented hourly budget is used up by this batch: not sent, and said so.
		if (error instanceof RequestBudgetError) {
			throw rateLimitError(context, error.waitMs, 0, itemIndex, false);
		}
		throw transportErrorToNodeError(context.getNode(), PROVIDER, error as TransportError, {
			itemIndex,
			repeat: idempotent ? 'readOnly' : 'looksUp',
			secrets,
		});
	}
	if (response.statusCode === 429) {
		const waitMs = parseRetryAfterMs(response.headers['retry-after']);
		session.rateLimitedUntil = Date.now() + (waitMs ?? session.policy.maxDelayMs);
		throw rateLimitError(context, waitMs, response.attempts, itemIndex, true);
	}
	if (response.statusCode >= 400 && !options.accept?.includes(response.statusCode)) {
		const { code, message } = readMomentoError(response.body);
		throw providerApiError(context.getNode(), {
			provider: PROVIDER,
			statusCode: response.statusCode,
			type: code ?? (response.statusCode === 401 ? 'UNAUTHORIZED' : undefined),
			detail:
				message ??
				(response.statusCode === 401 ? 'the request signature was not accepted' : undefined),
			hint: momentoHint(code, response.statusCode),
			body: response.body,
			itemIndex,
			secrets,
		});
	}
	// Orders echo their callback_url: its token is masked in everything the node outputs.
	return { statusCode: response.statusCode, body: maskCallbackTokens(response.body) };
}

const PAGE_SIZE = 100;

/**
 * Walks Momento's Django-REST-style pages ({ count, next, results }) with page/page_size, keeping
 * only what the caller asked for; a plain array answer is taken as the whole list. `until` stops
 * the walk at the first page holding a record it accepts.
 */
export async function listMomento(
	context: RequestContext,
	session: MomentoSession,
	call: MomentoCall,
	limit: number | undefined,
	itemIndex?: number,
	until?: (record: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	for (let page = 1; limit === undefined || collected.length < limit; page++) {
		const { body } = await callMomento(
			context,
			session,
			{ ...call, qs: { ...call.qs, page, page_size: PAGE_SIZE } },
			{ itemIndex },
		);
		const results = Array.isArray(body)
			? body
			: ((body as IDataObject | undefined)?.results as unknown[] | undefined);
		if (!Array.isArray(results)) {
			throw new NodeApiError(context.getNode(), { body } as JsonObject, {
				message: 'Momento answered a list request with something that is not a list',
				itemIndex,
			});
		}
		collected.push(...(results as IDataObject[]));
		if (until && (results as IDataObject[]).some(until)) break;
		const next = Array.isArray(body) ? null : (body as IDataObject).next;
		if (!next || results.length === 0) break;
	}
	return limit === undefined ? collected : collected.slice(0, limit);
}
