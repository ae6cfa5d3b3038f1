/**
 * What the MTN MoMo credential and node both know about the API; both import this module, the
 * node never imports the credential file. Collection and disbursement are separate MoMo products
 * with separate subscription keys and separate tokens, so the credential's one hidden expirable
 * field stores one entry per product: a token, or why the provider refused one (so the node can
 * name the field to fix instead of reporting a bare 401).
 */

export type MomoProduct = 'collection' | 'disbursement';

export const MOMO_PRODUCTS: readonly MomoProduct[] = ['collection', 'disbursement'];

export const MOMO_SANDBOX_BASE_URL = 'https://sandbox.momodeveloper.mtn.com';

export interface TokenRefusal {
	statusCode: number;
	message: string;
}

export interface ProductToken {
	token?: string;
	refusal?: TokenRefusal;
}

export type SessionTokens = Partial<Record<MomoProduct, ProductToken>>;

export function parseSessionTokens(value: unknown): SessionTokens {
	if (typeof value !== 'string' || value === '') return {};
	try {
		const parsed = JSON.parse(value) as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as SessionTokens) : {};
	} catch {
		return {};
	}
}

export function serializeSessionTokens(tokens: SessionTokens): string {
	return JSON.stringify(tokens);
}

/** Which product a MoMo URL belongs to; undefined for the sandbox provisioning API (/v1_0/apiuser). */
export function productOfUrl(url: string): MomoProduct | undefined {
	const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
	if (/(^|\/)disbursement\//.test(path)) return 'disbursement';
	if (/(^|\/)collection\//.test(path)) return 'collection';
	return undefined;
}

export function isTokenEndpoint(url: string): boolean {
	return /\/(collection|disbursement)\/token\/?$/.test(url.split('?')[0]);
}

export function subscriptionKeyField(product: MomoProduct): string {
	return product === 'disbursement' ? 'disbursementSubscriptionKey' : 'collectionSubscriptionKey';
}

export function subscriptionKeyLabel(product: MomoProduct): string {
	return product === 'disbursement'
		? 'Disbursement Subscription Key'
		: 'Collection Subscription Key';
}

export function normalizeBaseUrl(value: unknown): string {
	const text =
		typeof value === 'string' && value.trim() !== '' ? value.trim() : MOMO_SANDBOX_BASE_URL;
	return text.replace(/\/+$/, '');
}

export function basicAuthorization(apiUser: string, apiKey: string): string {
	return `Basic ${Buffer.from(`${apiUser}:${apiKey}`, 'utf8').toString('base64')}`;
}

/** The provider's explanation of a refused token request, from either APIM or MoMo itself. */
export function describeTokenRefusal(statusCode: number, body: unknown): string {
	const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
	for (const key of ['message', 'error_description', 'error', 'code']) {
		const value = record[key];
		if (typeof value === 'string' && value !== '') return value;
	}
	return typeof body === 'string' && body !== '' ? body.slice(0, 200) : `HTTP ${statusCode}`;
}
