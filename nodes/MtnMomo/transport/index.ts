import {
	NodeOperationError,
	type ICredentialsDecrypted,
	type IDataObject,
	type IExecuteFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import {
	markDefinitiveRefusal,
	providerApiError,
	transportErrorToNodeError,
} from '../../shared/execution/errors';
import {
	DEFAULT_RETRY_POLICY,
	sendWithRetry,
	TransportError,
	type RetryPolicy,
} from '../../shared/http/send-with-retry';
import { resendAfterRateLimit } from '../../shared/http/rate-limit-resend';
import {
	basicAuthorization,
	normalizeBaseUrl,
	parseSessionTokens,
	subscriptionKeyField,
	subscriptionKeyLabel,
	type MomoProduct,
} from '../constants';
import { signCallbackUrl } from '../trigger/callback';
import { momoHint, PERMANENT_SERVER_CODES, REFUSAL_CODES, tokenRefusalHint } from './errors';

export const MOMO_CREDENTIAL = 'mtnMomoApi';
export const PROVIDER = 'MTN MoMo';

export type MomoContext = IExecuteFunctions | IWebhookFunctions;

export interface MomoSession {
	credentials: ICredentialsDecrypted;
	baseUrl: string;
	targetEnvironment: string;
	defaultCallbackUrl: string;
	secrets: string[];
}

export interface MomoRequest {
	method: 'GET' | 'POST';
	/** From the host root, e.g. /collection/v1_0/requesttopay */
	path: string;
	/** The product the path belongs to (none for sandbox provisioning). */
	product?: MomoProduct;
	headers?: Record<string, string>;
	body?: IDataObject;
	/** GETs and POSTs that carry an X-Reference-Id, which MoMo never applies twice. */
	idempotent: boolean;
	/** Statuses the caller handles itself (e.g. 409 on a retried payment). */
	accept?: number[];
	/** What to fix when MoMo answers 404 for this request (the default speaks of reference ids). */
	notFoundHint?: string;
}

export interface MomoResponse {
	statusCode: number;
	body: IDataObject;
}

function codeOf(body: unknown): string | undefined {
	const code = (body as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** A 500 carrying a permanent MoMo code (e.g. INVALID_CURRENCY) will not change on a retry. */
export const MOMO_RETRY_POLICY: RetryPolicy = {
	...DEFAULT_RETRY_POLICY,
	isFinal: (response) => {
		const code = codeOf(response.body);
		return code !== undefined && PERMANENT_SERVER_CODES.has(code);
	},
};

/**
 * Reads the credential once per node run. The same object is handed to every request, so the
 * token n8n fetches through the credential's preAuthentication for the first item is the one
 * every later item uses (and n8n persists it for later executions).
 */
export async function openMomoSession(context: MomoContext): Promise<MomoSession> {
	const data = await context.getCredentials(MOMO_CREDENTIAL);
	const reference = context.getNode().credentials?.[MOMO_CREDENTIAL];
	const secrets = ['apiKey', 'collectionSubscriptionKey', 'disbursementSubscriptionKey']
		.map((field) => String(data[field] ?? '').trim())
		.filter((secret) => secret.length >= 4);
	// The Basic form the token request carries (base64 of apiUser:apiKey), with and without "Basic ".
	const apiUser = String(data.apiUser ?? '').trim();
	const apiKey = String(data.apiKey ?? '').trim();
	if (apiKey !== '') {
		const basic = basicAuthorization(apiUser, apiKey);
		secrets.push(basic, basic.slice('Basic '.length));
	}
	return {
		credentials: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: MOMO_CREDENTIAL,
			data,
		},
		baseUrl: normalizeBaseUrl(data.baseUrl),
		targetEnvironment: String(data.targetEnvironment ?? '').trim() || 'sandbox',
		defaultCallbackUrl: String(data.callbackUrl ?? '').trim(),
		secrets,
	};
}

/**
 * The request's headers with the callback token added to X-Callback-Url, so the MTN MoMo Trigger
 * (with the same credential) can tell MoMo's callbacks from forged ones.
 */
export function withSignedCallback(
	session: MomoSession,
	headers: Record<string, string> | undefined,
): Record<string, string> | undefined {
	const url = headers?.['X-Callback-Url'];
	if (!headers || !url) return headers;
	const apiKey = String(session.credentials.data?.apiKey ?? '').trim();
	return { ...headers, 'X-Callback-Url': signCallbackUrl(url, apiKey) };
}

function tokenSecrets(session: MomoSession): string[] {
	const tokens = parseSessionTokens(session.credentials.data?.sessionTokens);
	return Object.values(tokens)
		.map((entry) => entry?.token)
		.filter((token): token is string => typeof token === 'string');
}

export async function callMomo(
	context: MomoContext,
	session: MomoSession,
	request: MomoRequest,
	itemIndex?: number,
): Promise<MomoResponse> {
	requireSubscriptionKey(context, session, request.product, itemIndex);
	const send = async () =>
		await sendWithRetry(
			context,
			MOMO_CREDENTIAL,
			{
				method: request.method,
				url: `${session.baseUrl}${request.path}`,
				headers: withSignedCallback(session, request.headers),
				body: request.method === 'POST' ? request.body : undefined,
				idempotent: request.idempotent,
			},
			{ policy: MOMO_RETRY_POLICY, credentials: session.credentials },
		);
	let response;
	try {
		// A request never repeated blind is still sent again after a 429: MoMo did not act on it.
		response = request.idempotent
			? await send()
			: await resendAfterRateLimit(send, MOMO_RETRY_POLICY);
	} catch (error) {
		throw transportErrorToNodeError(context.getNode(), PROVIDER, error as TransportError, {
			itemIndex,
			repeat: request.method === 'GET' ? 'readOnly' : 'looksUp',
			secrets: [...session.secrets, ...tokenSecrets(session)],
		});
	}
	const body = (
		response.body && typeof response.body === 'object' ? response.body : {}
	) as IDataObject;
	if (response.statusCode < 400 || request.accept?.includes(response.statusCode)) {
		return { statusCode: response.statusCode, body };
	}
	throw momoApiError(
		context,
		session,
		request.product,
		response.statusCode,
		body,
		itemIndex,
		response.statusCode === 404 ? request.notFoundHint : undefined,
	);
}

/**
 * A product's requests need that product's subscription key: without it MoMo would get an empty
 * Ocp-Apim-Subscription-Key and answer a 401 that names nothing. Stop and name the field instead.
 */
function requireSubscriptionKey(
	context: MomoContext,
	session: MomoSession,
	product: MomoProduct | undefined,
	itemIndex: number | undefined,
): void {
	if (product === undefined) return;
	if (String(session.credentials.data?.[subscriptionKeyField(product)] ?? '').trim() !== '') return;
	const label = subscriptionKeyLabel(product);
	throw new NodeOperationError(context.getNode(), `The MTN MoMo credential has no ${label}`, {
		description: `The ${product === 'disbursement' ? 'Disbursement' : 'Collection'} operations need the key of your ${product === 'disbursement' ? 'Disbursements' : 'Collections'} subscription: copy it from the MoMo Developer portal (Profile > Subscriptions) into the credential's ${label} field.`,
		itemIndex,
	});
}

export function momoApiError(
	context: MomoContext,
	session: MomoSession,
	product: MomoProduct | undefined,
	statusCode: number,
	body: IDataObject,
	itemIndex?: number,
	hint?: string,
) {
	const secrets = [...session.secrets, ...tokenSecrets(session)];
	const refusal =
		statusCode === 401 && product
			? parseSessionTokens(session.credentials.data?.sessionTokens)[product]?.refusal
			: undefined;
	if (refusal) {
		return providerApiError(context.getNode(), {
			provider: PROVIDER,
			statusCode: refusal.statusCode,
			type: 'TOKEN_REFUSED',
			detail: `no ${product} access token: ${refusal.message}`,
			hint: tokenRefusalHint(product as MomoProduct, refusal.message),
			itemIndex,
			secrets,
		});
	}
	const code = codeOf(body);
	const message = typeof body.message === 'string' ? body.message : undefined;
	const missingCredentials =
		statusCode === 401 &&
		product !== undefined &&
		(String(session.credentials.data?.apiUser ?? '').trim() === '' ||
			String(session.credentials.data?.apiKey ?? '').trim() === '');
	const error = providerApiError(context.getNode(), {
		provider: PROVIDER,
		statusCode,
		type: code ?? (statusCode === 401 ? 'UNAUTHORIZED' : undefined),
		detail: missingCredentials ? 'the credential has no API User or API Key' : message,
		hint: hint ?? momoHint(code, statusCode, product),
		body,
		itemIndex,
		secrets,
	});
	// MoMo answers some refusals with a 500 (e.g. INVALID_CURRENCY): nothing was executed.
	return code !== undefined && REFUSAL_CODES.has(code) ? markDefinitiveRefusal(error) : error;
}
