import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import {
	assertCallbackProtected,
	CALLBACK_TOKEN_PARAMETER,
	callbackToken,
	callbackTokenMatches,
	withCallbackToken,
} from '../../shared/callback-token';
import type { MomoProduct } from '../transport/tokens';

/** The credential type (also in transport/index.ts, which imports this file). */
const MOMO_CREDENTIAL = 'mtnMomoApi';

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

/**
 * The X-Callback-Url with the token of the payment it names (referenceId and product in its
 * query, as the MTN MoMo node writes it). Unchanged when there is no API key to sign with.
 */
export function signCallbackUrl(url: string, apiKey: string): string {
	if (apiKey === '') return url;
	const query = new URL(url).searchParams;
	const referenceId = query.get('referenceId');
	const product = query.get('product');
	if (!referenceId || !product) return url;
	return withCallbackToken(url, momoCallbackToken(apiKey, product, referenceId));
}

/** The trigger's product; undefined for a value no longer offered (the former "From Callback URL"). */
export function fixedProduct(value: unknown): MomoProduct | undefined {
	return value === 'collection' || value === 'disbursement' ? value : undefined;
}

async function apiKeyOf(context: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await context.getCredentials(MOMO_CREDENTIAL);
	return String(credentials.apiKey ?? '').trim();
}

/** Activation: one product per trigger, and never a trigger that a forged body could start. */
export async function checkActivation(context: IHookFunctions): Promise<void> {
	if (!fixedProduct(context.getNodeParameter('product', 'collection'))) {
		throw new NodeOperationError(context.getNode(), 'Choose the product this trigger reports', {
			description:
				'Set Product to Collection or Disbursement ("From Callback URL" let a caller choose it).',
		});
	}
	const requireToken = context.getNodeParameter('requireToken', true) !== false;
	assertCallbackProtected(context, {
		requireToken,
		confirm: context.getNodeParameter('confirmStatus', true) === true,
		hasKey: requireToken ? (await apiKeyOf(context)) !== '' : true,
		keyField: 'API Key',
	});
}

/** Why a callback's URL does not authenticate it (undefined when its token is right). */
export async function tokenRefusal(
	context: IWebhookFunctions,
	product: MomoProduct,
	query: IDataObject,
): Promise<string | undefined> {
	const apiKey = await apiKeyOf(context).catch(() => '');
	if (apiKey === '') return 'the credential has no API key to check the token with';
	const referenceId = firstText(query.referenceId);
	if (!referenceId) return 'the URL names no referenceId';
	const named = firstText(query.product);
	if (named !== undefined && named !== product) {
		return `the URL is for ${named} payments; this trigger reports ${product}`;
	}
	const expected = momoCallbackToken(apiKey, product, referenceId);
	if (callbackTokenMatches([expected], query[CALLBACK_TOKEN_PARAMETER])) return undefined;
	return query[CALLBACK_TOKEN_PARAMETER] === undefined
		? 'the URL carries no token'
		: 'the token does not match';
}
