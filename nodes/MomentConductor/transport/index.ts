import {
	NodeOperationError,
	type ICredentialsDecrypted,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';

import { providerApiError, transportErrorToNodeError } from '../../shared/execution/errors';
import {
	DEFAULT_RETRY_POLICY,
	sendWithRetry,
	TransportError,
	type RetryPolicy,
} from '../../shared/http/send-with-retry';
import { CONDUCTOR_DEFAULT_BASE_URL, conductorRootUrl } from '../constants';
import { conductorHint } from './errors';

export const CONDUCTOR_CREDENTIAL = 'momentConductorApi';
const PROVIDER = 'Moment Conductor';

/** What an operation asks the transport to send, fully checked. */
export interface ConductorRequest {
	method: 'GET' | 'POST';
	/** Relative to the base URL, or to the host root when `atRoot`. */
	path: string;
	atRoot?: boolean;
	body?: IDataObject;
	qs?: Record<string, string>;
	retailerId?: string;
	/** Set on every POST: the transport sends it as Idempotency-Key. */
	idempotencyKey?: string;
}

function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function isReplay(response: { headers: Record<string, string | string[] | undefined> }): boolean {
	return headerValue(response.headers['idempotent-replayed']) === 'true';
}

/**
 * 409 means "the first request with this key is still running": worth waiting for. A replayed
 * answer (even a 500) is what Conductor saved for the key, so asking again cannot change it.
 */
export const CONDUCTOR_RETRY_POLICY: RetryPolicy = {
	...DEFAULT_RETRY_POLICY,
	extraRetryStatuses: [409],
	isFinal: isReplay,
};

export interface ConductorSession {
	credentials: ICredentialsDecrypted;
	baseUrl: string;
	rootUrl: string;
	secretKey: string;
	defaultRetailerId: string;
}

export interface ConductorResult {
	statusCode: number;
	data: IDataObject;
	replayed: boolean;
}

/**
 * Reads the credential once per node run: n8n would otherwise fetch and decrypt it for every
 * request, which is most of the per-item cost in a large batch.
 */
export async function openConductorSession(
	context: IExecuteFunctions | ILoadOptionsFunctions,
): Promise<ConductorSession> {
	const data = await context.getCredentials(CONDUCTOR_CREDENTIAL);
	const secretKey = String(data.secretKey ?? '').trim();
	if (!secretKey.startsWith('sk_')) {
		throw new NodeOperationError(
			context.getNode(),
			'The Moment Conductor credential has no valid Secret Key: Conductor secret keys start with sk_',
			{ description: 'Open the credential and paste the secret key Moment issued (sk_...).' },
		);
	}
	const baseUrl = String(data.baseUrl || CONDUCTOR_DEFAULT_BASE_URL).replace(/\/+$/, '');
	const reference = context.getNode().credentials?.[CONDUCTOR_CREDENTIAL];
	return {
		credentials: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CONDUCTOR_CREDENTIAL,
			data,
		},
		baseUrl,
		rootUrl: conductorRootUrl(baseUrl),
		secretKey,
		defaultRetailerId: String(data.retailerId ?? '').trim(),
	};
}

export function conductorHeaders(request: ConductorRequest): Record<string, string> {
	const headers: Record<string, string> = {};
	if (request.retailerId) headers['Retailer-Id'] = request.retailerId;
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
	return headers;
}

export function conductorUrl(session: ConductorSession, request: ConductorRequest): string {
	return `${request.atRoot ? session.rootUrl : session.baseUrl}${request.path}`;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The answer's content. Most samples in the document wrap it as `{ status, data }`; the account
 * enquiry sample is bare (`{ external_id, customer, biller, amount_due, products, bills }`). Both
 * shapes are read on every operation: `data` when the envelope is there, the body when it is not,
 * and `{ status }` for an envelope without data (the healthcheck).
 */
export function unwrapConductorBody(body: IDataObject): IDataObject {
	if (isObject(body.data)) return body.data;
	if (Array.isArray(body.data)) return { items: body.data };
	const keys = Object.keys(body);
	if (keys.every((key) => key === 'status' || key === 'data')) {
		return { status: isObject(body.status) ? body.status : {} };
	}
	return body;
}

export async function callConductor(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	session: ConductorSession,
	request: ConductorRequest,
	itemIndex?: number,
): Promise<ConductorResult> {
	const headers = conductorHeaders(request);
	const idempotent = request.method === 'GET' || request.idempotencyKey !== undefined;
	const secrets = [session.secretKey];

	let response;
	try {
		response = await sendWithRetry(
			context,
			CONDUCTOR_CREDENTIAL,
			{
				method: request.method,
				url: conductorUrl(session, request),
				headers,
				body: request.method === 'POST' ? (request.body ?? {}) : undefined,
				qs: request.qs,
				idempotent,
			},
			{ policy: CONDUCTOR_RETRY_POLICY, credentials: session.credentials },
		);
	} catch (error) {
		// sendWithRetry only throws when no HTTP answer came back at all.
		throw transportErrorToNodeError(context.getNode(), PROVIDER, error as TransportError, {
			itemIndex,
			repeat: request.method === 'GET' ? 'readOnly' : idempotent ? 'replays' : 'check',
			secrets,
		});
	}

	const body = (response.body ?? {}) as IDataObject;
	const status = isObject(body.status) ? body.status : body;
	if (response.statusCode >= 400) {
		const type = typeof status.type === 'string' ? status.type : undefined;
		const detail =
			typeof status.detail === 'string'
				? status.detail
				: typeof status.message === 'string'
					? status.message
					: undefined;
		throw providerApiError(context.getNode(), {
			provider: PROVIDER,
			statusCode: response.statusCode,
			type: type ?? (response.statusCode === 401 ? 'UNAUTHORIZED' : undefined),
			detail: detail ?? (response.statusCode === 401 ? 'No valid Secret Key provided.' : undefined),
			hint: conductorHint(type, response.statusCode),
			body,
			itemIndex,
			secrets,
		});
	}
	return {
		statusCode: response.statusCode,
		data: unwrapConductorBody(body),
		replayed: isReplay(response),
	};
}
