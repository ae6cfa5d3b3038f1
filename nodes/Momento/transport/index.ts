import {
	NodeApiError,
	NodeOperationError,
	type ICredentialsDecrypted,
	type IDataObject,
	type JsonObject,
} from 'n8n-workflow';

import { momentoBaseUrl } from '../../../credentials/MomentoApi.credentials';
import { providerApiError, transportErrorToNodeError } from '../../shared/errors';
import {
	DEFAULT_RETRY_POLICY,
	parseRetryAfterMs,
	sendWithRetry,
	type RequestContext,
	type RetryPolicy,
	type TransportError,
} from '../../shared/http';
import { momentoHint, RATE_LIMIT_PER_HOUR, readMomentoError } from './errors';
import { momentoJsonBody } from './json-body';

export const MOMENTO_CREDENTIAL = 'momentoApi';
export const PROVIDER = 'Momento';

/**
 * Every Momento request may be sent again: GETs, and creates because Momento refuses a second
 * order with the same orderID (409), which the node then reads back. A 429 is waited out
 * (Retry-After) up to a minute per attempt.
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
 * Sends one request with the credential (which signs it) through the shared retrying transport
 * and returns Momento's answer; an error answer becomes a NodeApiError with Momento's message,
 * except the statuses the caller handles itself (`accept`, e.g. 409 for creates).
 */
export async function callMomento(
	context: RequestContext,
	session: MomentoSession,
	call: MomentoCall,
	options: { itemIndex?: number; accept?: number[] } = {},
): Promise<MomentoResponse> {
	const { itemIndex } = options;
	if (session.rateLimitedUntil !== undefined && Date.now() < session.rateLimitedUntil) {
		throw rateLimitError(context, session.rateLimitedUntil - Date.now(), 0, itemIndex, false);
	}
	const secrets = [session.secretKey];
	let response;
	try {
		response = await sendWithRetry(
			context,
			MOMENTO_CREDENTIAL,
			{
				method: call.method,
				url: `${session.baseUrl}${call.path}`,
				body: call.method === 'POST' ? momentoJsonBody(call.body ?? {}) : undefined,
				qs: call.qs,
				idempotent: true,
			},
			{ policy: session.policy, credentials: session.credentials },
		);
	} catch (error) {
		throw transportErrorToNodeError(context.getNode(), PROVIDER, error as TransportError, {
			itemIndex,
			idempotent: true,
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
	return { statusCode: response.statusCode, body: response.body };
}

const PAGE_SIZE = 100;

/**
 * Walks Momento's Django-REST-style pages ({ count, next, results }) with page/page_size, keeping
 * only what the caller asked for; a plain array answer is taken as the whole list.
 */
export async function listMomento(
	context: RequestContext,
	session: MomentoSession,
	call: MomentoCall,
	limit: number | undefined,
	itemIndex?: number,
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
		const next = Array.isArray(body) ? null : (body as IDataObject).next;
		if (!next || results.length === 0) break;
	}
	return limit === undefined ? collected : collected.slice(0, limit);
}
