import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import {
	CALLBACK_TOKEN_PARAMETER,
	callbackKey,
	callbackToken,
	checkCallbackActivation,
	tokenMismatch,
	withCallbackToken,
	type CallbackTriggerSetup,
} from '../../shared/webhooks/callback-token';
import type { MomoProduct } from '../constants';

/**
 * The trigger's tokens are keyed with the credential's API Key. (The credential type is also named
 * in transport/index.ts, which imports this file.)
 */
const MOMO_CALLBACKS: CallbackTriggerSetup = {
	credentialType: 'mtnMomoApi',
	keyName: 'apiKey',
	keyLabel: 'API Key',
	confirmParameter: 'confirmStatus',
};

/** The static path of the trigger's Production URL (…/webhook/<webhook id>/callback). */
export const CALLBACK_PATH = 'callback';

/**
 * The path the MTN MoMo node's callback URLs use: the reference and its token in the path, because
 * MTN's documents do not promise to keep a query string. n8n serves a path with `:name` segments
 * under the node's webhook id and stores it without that id, so the id is repeated inside it: two
 * MoMo triggers would otherwise claim the same path (n8n 2.41, webhook-service and live-webhooks).
 */
export const CALLBACK_PATH_WITH_REFERENCE = `=${CALLBACK_PATH}/{{$webhookId}}/:product/:referenceId/${CALLBACK_TOKEN_PARAMETER}/:token`;

const REMEMBERED = 1000;

export function firstText(...values: unknown[]): string | undefined {
	for (const value of values) {
		const candidate = Array.isArray(value) ? value[0] : value;
		if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
	}
	return undefined;
}

/**
 * True the first time a key is seen. MoMo may deliver the same callback more than once; the
 * workflow runs once per reference and status. Only the latest keys are kept, so the static
 * data stays small.
 */
export function rememberOnce(staticData: IDataObject, key: string): boolean {
	const seen = Array.isArray(staticData.seenCallbacks)
		? (staticData.seenCallbacks as string[])
		: [];
	if (seen.includes(key)) return false;
	seen.push(key);
	staticData.seenCallbacks = seen.slice(-REMEMBERED);
	return true;
}

/** The token of one payment's callback URL, keyed by the credential's API key. */
export function momoCallbackToken(apiKey: string, product: string, referenceId: string): string {
	return callbackToken(apiKey, 'mtn-momo', `${product}:${referenceId.toLowerCase()}`);
}

/** The webhook id of a trigger's Production URL (its path ends in /<id>/callback), if it is one. */
function triggerWebhookId(url: URL): string | undefined {
	const segments = url.pathname.replace(/\/+$/, '').split('/');
	const id = segments[segments.length - 2];
	return segments[segments.length - 1] === CALLBACK_PATH && id ? id : undefined;
}

/**
 * The X-Callback-Url with the reference and token of the payment it names (the MTN MoMo node
 * writes referenceId and product in its query). A trigger's Production URL gets them in its path
 * (…/callback/<webhook id>/<product>/<referenceId>/token/<token>), which survives a MoMo that
 * drops the query string; any other URL keeps them in the query, as before. Unchanged when there is
 * no API key to sign with.
 */
export function signCallbackUrl(url: string, apiKey: string): string {
	if (apiKey === '') return url;
	const parsed = new URL(url);
	const referenceId = parsed.searchParams.get('referenceId');
	const product = parsed.searchParams.get('product');
	if (!referenceId || !product) return url;
	const token = momoCallbackToken(apiKey, product, referenceId);
	const webhookId = triggerWebhookId(parsed);
	if (!webhookId) return withCallbackToken(url, token);
	for (const name of ['referenceId', 'product', CALLBACK_TOKEN_PARAMETER]) {
		parsed.searchParams.delete(name);
	}
	const segments = [webhookId, product, referenceId, CALLBACK_TOKEN_PARAMETER, token];
	parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/${segments.map(encodeURIComponent).join('/')}`;
	return parsed.toString();
}

/** Where a callback names its payment: the path the node writes now, or the query of older URLs. */
export interface CallbackAddress {
	referenceId?: string;
	product?: string;
	/** As received (a repeated query parameter is an array): compared, never trimmed. */
	token?: unknown;
}

export function callbackAddress(context: IWebhookFunctions): CallbackAddress {
	const params = (context.getParamsData() ?? {}) as IDataObject;
	const source = firstText(params.referenceId) ? params : (context.getQueryData() as IDataObject);
	return {
		referenceId: firstText(source.referenceId),
		product: firstText(source.product),
		token: source[CALLBACK_TOKEN_PARAMETER],
	};
}

/** The trigger's product; undefined for a value no longer offered (the former "From Callback URL"). */
export function fixedProduct(value: unknown): MomoProduct | undefined {
	return value === 'collection' || value === 'disbursement' ? value : undefined;
}

/** Activation: one product per trigger, and never a trigger that a forged body could start. */
export async function checkActivation(context: IHookFunctions): Promise<void> {
	if (!fixedProduct(context.getNodeParameter('product', 'collection'))) {
		throw new NodeOperationError(context.getNode(), 'Choose the product this trigger reports', {
			description:
				'Set Product to Collection or Disbursement ("From Callback URL" let a caller choose it).',
		});
	}
	await checkCallbackActivation(context, MOMO_CALLBACKS);
}

/** Why a callback's URL does not authenticate it (undefined when its token is right). */
export async function tokenRefusal(
	context: IWebhookFunctions,
	product: MomoProduct,
	address: CallbackAddress,
): Promise<string | undefined> {
	const apiKey = await callbackKey(context, MOMO_CALLBACKS).catch(() => '');
	if (apiKey === '') return 'the credential has no API key to check the token with';
	if (!address.referenceId) return 'the URL names no referenceId';
	if (address.product !== undefined && address.product !== product) {
		return `the URL is for ${address.product} payments; this trigger reports ${product}`;
	}
	return tokenMismatch([momoCallbackToken(apiKey, product, address.referenceId)], address.token);
}
