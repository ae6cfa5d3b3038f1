import {
	NodeOperationError,
	type ICredentialsDecrypted,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	providerApiError,
	redactValue,
	transportErrorToNodeError,
} from '../../shared/execution/errors';
import {
	DEFAULT_RETRY_POLICY,
	sendWithRetry,
	TransportError,
} from '../../shared/http/send-with-retry';
import { resendAfterRateLimit } from '../../shared/http/rate-limit-resend';
import { collectPages, walkPages } from './page-pagination';
import { MEMENTO_PAGE_SIZE, mementoBaseUrl, mementoProjectHeaders } from '../constants';
import { describeMementoError } from './errors';
import { sendWithoutSession } from './unauthenticated';

export const MEMENTO_CREDENTIAL = 'mementoPaymentsApi';
export const PROVIDER = 'Memento Payments';

export type MementoMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What an operation asks the transport to send, fully checked. */
export interface MementoRequest {
	method: MementoMethod;
	/** From the host root, e.g. /v1/payments. */
	path: string;
	qs?: Record<string, string>;
	body?: IDataObject;
	/** List endpoints: walk page/limit (Return All) or stop at `limit`. */
	list?: { returnAll: boolean; limit: number };
	/**
	 * Money moves: sent as Idempotency-Key (assumed: the document promises no deduplication, so
	 * the node never relies on it and looks the move up before sending it again).
	 */
	idempotencyKey?: string;
	/** POSTs without side effects (fee calculation): safe to retry. */
	safeToRetry?: boolean;
	/** Values that must never appear in output or errors (the PIN). */
	secrets?: string[];
	/** Token creation and signup happen before there is a session: no Authorization header. */
	withoutSession?: boolean;
}

type Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface MementoSession {
	/** Passed to every request: n8n stores the renewed session token in its data. */
	credentials: ICredentialsDecrypted;
	baseUrl: string;
}

export interface MementoResult {
	data: unknown;
	replayed: boolean;
}

/** Reads the credential once per node run; n8n keeps the session token in its data. */
export async function openMementoSession(context: Context): Promise<MementoSession> {
	const data = await context.getCredentials(MEMENTO_CREDENTIAL);
	const reference = context.getNode().credentials?.[MEMENTO_CREDENTIAL];
	return {
		credentials: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: MEMENTO_CREDENTIAL,
			data,
		},
		baseUrl: mementoBaseUrl(data),
	};
}

function sessionSecrets(session: MementoSession, request: MementoRequest): string[] {
	const data = session.credentials.data ?? {};
	return [
		String(data.authenticationToken ?? ''),
		String(data.sessionToken ?? ''),
		...(request.secrets ?? []),
	];
}

/**
 * Removes secrets (the PIN, tokens) from anything that leaves the node, by structure: `pin` keys
 * are dropped and values equal to a secret masked; the answer's numbers and dates are never rewritten.
 */
export function scrub<T>(value: T, secrets: string[]): T {
	return redactValue(value, secrets);
}

export function requireSessionToken(context: Context, session: MementoSession): void {
	const token = String(session.credentials.data?.authenticationToken ?? '').trim();
	if (token === '') {
		throw new NodeOperationError(
			context.getNode(),
			'The Memento Payments credential has no Authentication Token',
			{
				description:
					'Get one with this node: Token > Create, then Token > Confirm with the verification code, and paste the token into the credential.',
			},
		);
	}
}

/**
 * A session close to its expires_at is replaced before the request instead of after a 401: the
 * token is cleared, so n8n runs the credential's preAuthentication (POST /v1/sessions) and puts
 * the new token and renew time into the same credential data.
 */
function renewSessionWhenDue(session: MementoSession): void {
	const data = session.credentials.data;
	const renewAt = Date.parse(String(data?.sessionRenewAt ?? ''));
	if (data && !Number.isNaN(renewAt) && Date.now() >= renewAt && data.sessionToken) {
		data.sessionToken = '';
	}
}

export async function callMemento(
	context: Context,
	session: MementoSession,
	request: MementoRequest,
	itemIndex?: number,
): Promise<MementoResult> {
	const headers: Record<string, string> = {};
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
	// Money moves are never repeated blind: the document promises no deduplication (the
	// Idempotency-Key header is our assumption), so after no answer or a 5xx the caller looks the
	// move up instead. Only a 429 (turned away before acting) is sent again, after waiting.
	const moneyMove = request.idempotencyKey !== undefined;
	const idempotent = request.method === 'GET' || request.safeToRetry === true;
	const secrets = sessionSecrets(session, request);
	const hasBody = request.method !== 'GET' && request.method !== 'DELETE';
	const outgoing = {
		method: request.method,
		url: `${session.baseUrl}${request.path}`,
		headers,
		body: hasBody ? (request.body ?? {}) : undefined,
		qs: request.qs,
		idempotent,
	};

	if (!request.withoutSession) {
		requireSessionToken(context, session);
		renewSessionWhenDue(session);
	}
	let response;
	try {
		if (request.withoutSession) {
			response = await sendWithoutSession(context, {
				...outgoing,
				headers: { ...headers, ...mementoProjectHeaders(session.credentials.data ?? {}) },
			});
		} else {
			const send = async () =>
				await sendWithRetry(context, MEMENTO_CREDENTIAL, outgoing, {
					credentials: session.credentials,
				});
			response = moneyMove ? await resendAfterRateLimit(send, DEFAULT_RETRY_POLICY) : await send();
		}
	} catch (error) {
		// Only thrown when no HTTP answer came back at all.
		throw transportErrorToNodeError(context.getNode(), PROVIDER, error as TransportError, {
			itemIndex,
			repeat: request.method === 'GET' ? 'readOnly' : moneyMove ? 'looksUp' : 'check',
			secrets,
		});
	}

	if (response.statusCode >= 400) {
		const described = describeMementoError(response.statusCode, response.body);
		throw providerApiError(context.getNode(), {
			provider: PROVIDER,
			statusCode: response.statusCode,
			type: described.type,
			detail: described.detail,
			hint: described.hint,
			body: response.body,
			itemIndex,
			secrets,
		});
	}
	const replayed = String(response.headers['idempotent-replayed'] ?? '') === 'true';
	return { data: scrub(response.body ?? {}, secrets), replayed };
}

/** A list answer: a plain array, or an object holding it (data / items / results). */
export function listItems(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		for (const key of ['data', 'items', 'results']) {
			const value = (body as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
		}
	}
	return [];
}

function pageRequest(request: MementoRequest, page: number, limit: number): MementoRequest {
	return { ...request, qs: { ...request.qs, page: String(page), limit: String(limit) } };
}

/** Return All walks every page; Limit stops as soon as it has enough. */
export async function listMemento(
	context: Context,
	session: MementoSession,
	request: MementoRequest,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const list = request.list ?? { returnAll: true, limit: 0 };
	return await collectPages({
		pageSize: MEMENTO_PAGE_SIZE,
		maxItems: list.returnAll ? undefined : list.limit,
		fetchPage: async ({ page, limit }) =>
			listItems(
				(await callMemento(context, session, pageRequest(request, page, limit), itemIndex)).data,
			),
	});
}

/** Page by page, for callers that act on each page (the polling trigger). */
export function iterateMemento(
	context: Context,
	session: MementoSession,
	request: MementoRequest,
): AsyncGenerator<IDataObject[]> {
	return walkPages({
		pageSize: MEMENTO_PAGE_SIZE,
		fetchPage: async ({ page, limit }) =>
			listItems((await callMemento(context, session, pageRequest(request, page, limit))).data),
	});
}
