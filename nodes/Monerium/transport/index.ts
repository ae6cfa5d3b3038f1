import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import {
	providerApiError,
	redactSecrets,
	transportErrorToNodeError,
} from '../../shared/execution/errors';
import {
	DEFAULT_RETRY_POLICY,
	errorCode,
	sendWithRetry,
	TransportError,
	type ProviderResponse,
} from '../../shared/http/send-with-retry';
import { resendAfterRateLimit } from '../../shared/http/rate-limit-resend';
import { MONERIUM_ACCEPT, moneriumBaseUrl } from '../constants';
import { moneriumHint, readMoneriumError } from './errors';

export const MONERIUM_CREDENTIAL = 'moneriumOAuth2Api';
const PROVIDER = 'Monerium';
/** Codes @n8n/client-oauth2 gives a refused token request; not network failures. */
const OAUTH_FAILURE_CODES = ['EAUTH', 'ESTATUS'];

type MoneriumContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export interface MoneriumRequest {
	method: 'GET' | 'POST' | 'PUT';
	/** Relative to the environment's API URL, e.g. `/orders`. */
	path: string;
	qs?: Record<string, string>;
	body?: IDataObject;
	/** A body that is not JSON (multipart file upload). */
	rawBody?: { data: Buffer; contentType: string };
	/**
	 * GETs (the default for them): sent again after no answer, a 5xx or a 429. Writes are sent
	 * again only after a 429 (nothing was done); an order is looked up before any other repeat.
	 */
	idempotent?: boolean;
	/** Statuses that are answers, not errors (sign-up's 304, an order's 409 replay). */
	acceptStatuses?: number[];
}

export interface MoneriumSession {
	baseUrl: string;
	environment: string;
	secrets: string[];
	/** The access token this run last read from the credential (see sendAgainAfterLostRefresh). */
	accessToken?: string;
}

export interface MoneriumResult {
	statusCode: number;
	body: IDataObject;
}

/** Reads the credential once per run: the API URL and the values that must never leak. */
export async function openMoneriumSession(context: MoneriumContext): Promise<MoneriumSession> {
	const data = await context.getCredentials(MONERIUM_CREDENTIAL);
	const token = (data.oauthTokenData ?? {}) as IDataObject;
	return {
		baseUrl: moneriumBaseUrl(data.environment, data.customUrl),
		environment: String(data.environment ?? 'sandbox'),
		secrets: [data.clientSecret, token.access_token, token.refresh_token].filter(
			(value): value is string => typeof value === 'string',
		),
		accessToken: typeof token.access_token === 'string' ? token.access_token : undefined,
	};
}

/**
 * Whether n8n's OAuth2 layer failed to get a token: @n8n/client-oauth2 refused (EAUTH, ESTATUS),
 * or n8n 2.41 turned an invalid_grant refresh into its "needs to be reconnected" error.
 */
function isFailedTokenRequest(thrown: unknown): boolean {
	if (errorCode(thrown, (code) => OAUTH_FAILURE_CODES.includes(code))) return true;
	let current = thrown as { failure?: { cause?: unknown }; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current.failure?.cause === 'credential-invalid') return true;
		current = current.cause as typeof current;
	}
	return false;
}

/** Reads the credential again: its access token now, which the session remembers and redacts. */
async function accessTokenNow(context: MoneriumContext, session: MoneriumSession) {
	const data = await context.getCredentials(MONERIUM_CREDENTIAL);
	const token = (data.oauthTokenData ?? {}) as IDataObject;
	for (const secret of [token.access_token, token.refresh_token]) {
		if (typeof secret === 'string' && !session.secrets.includes(secret))
			session.secrets.push(secret);
	}
	if (typeof token.access_token === 'string') session.accessToken = token.access_token;
	return session.accessToken;
}

/**
 * On a 401 n8n's OAuth2 layer refreshes the token, then resends the request. When several requests
 * (or n8n processes) refresh at once and Monerium rotates refresh tokens, all but the first refresh
 * get invalid_grant although the credential now holds the winner's token: send once more with it.
 * Safe for an order too: n8n 2.41's requestOAuth2 refreshes only after a 401 (refused, nothing
 * done) and resends only after the refresh succeeded, so a failed refresh means nothing was placed.
 */
async function sendAgainAfterLostRefresh(
	context: MoneriumContext,
	session: MoneriumSession,
	send: () => Promise<ProviderResponse>,
): Promise<ProviderResponse> {
	// The newest token this run knows of; the credential is not read again per request.
	const startedWith = session.accessToken;
	let failure: TransportError;
	try {
		return await send();
	} catch (error) {
		failure = error as TransportError;
	}
	const lostTheRace =
		failure.code === undefined &&
		isFailedTokenRequest(failure.thrown) &&
		(await accessTokenNow(context, session)) !== startedWith;
	if (!lostTheRace) throw failure;
	return await send();
}

function asObject(body: unknown): IDataObject {
	if (Array.isArray(body)) return { items: body as IDataObject[] };
	return body && typeof body === 'object' ? (body as IDataObject) : {};
}

/**
 * Sends one request through n8n's OAuth2 machinery (token fetch, refresh on 401), with the v2
 * Accept header Monerium needs. Answers >= 400 become NodeApiErrors naming Monerium's fields.
 */
export async function callMonerium(
	context: MoneriumContext,
	session: MoneriumSession,
	request: MoneriumRequest,
	itemIndex?: number,
): Promise<MoneriumResult> {
	const idempotent = request.idempotent ?? request.method === 'GET';
	const headers: Record<string, string> = { Accept: MONERIUM_ACCEPT };
	if (request.rawBody) headers['Content-Type'] = request.rawBody.contentType;
	const sendOnce = async () =>
		await sendWithRetry(context, MONERIUM_CREDENTIAL, {
			method: request.method,
			url: `${session.baseUrl}${request.path}`,
			headers,
			qs: request.qs,
			body: request.rawBody
				? request.rawBody.data
				: request.method === 'GET'
					? undefined
					: (request.body ?? {}),
			idempotent,
		});
	const send = async () =>
		idempotent ? await sendOnce() : await resendAfterRateLimit(sendOnce, DEFAULT_RETRY_POLICY);
	let response: ProviderResponse;
	try {
		response = await sendAgainAfterLostRefresh(context, session, send);
	} catch (error) {
		const transportError = error as TransportError;
		if (transportError.code === undefined || OAUTH_FAILURE_CODES.includes(transportError.code)) {
			// No network code: n8n's OAuth2 layer failed (e.g. the token endpoint refused the client).
			throw new NodeApiError(
				context.getNode(),
				{ message: 'OAuth2 token request failed' } as JsonObject,
				{
					message: redactSecrets(
						`Monerium refused the credential: ${transportError.message}`,
						session.secrets,
					),
					description:
						'Check the client ID and secret and the environment in the Monerium credential; with Authorization Code, reconnect it.',
					itemIndex,
				},
			);
		}
		throw transportErrorToNodeError(context.getNode(), PROVIDER, transportError, {
			itemIndex,
			repeat: idempotent ? 'readOnly' : 'looksUp',
			secrets: session.secrets,
		});
	}
	const body = asObject(response.body);
	if (response.statusCode >= 400 && !(request.acceptStatuses ?? []).includes(response.statusCode)) {
		const info = readMoneriumError(response.body);
		const retryAfter = response.headers['retry-after'];
		throw providerApiError(context.getNode(), {
			provider: PROVIDER,
			statusCode: response.statusCode,
			type: info.type ?? (response.statusCode === 401 ? 'Unauthorized' : undefined),
			detail: info.detail,
			hint: moneriumHint(
				response.statusCode,
				info,
				Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
			),
			body,
			itemIndex,
			secrets: session.secrets,
		});
	}
	return { statusCode: response.statusCode, body };
}
