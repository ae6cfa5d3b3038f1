import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// What the Momento credential and node both know about the API. Both import this module; the
// node never imports the credential file.

export const MOMENTO_BASE_URLS = {
	sandbox: 'https://pruebas.elmomento.io/integrations',
	production: 'https://api.trade.elmomento.io/integrations',
} as const;

export const MOMENTO_SIGNATURE_HEADER = 'M-Signature';

/** The API root the credential points at, without a trailing slash. */
export function momentoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'sandbox');
	const url =
		environment === 'custom'
			? String(credentials.baseUrl ?? '')
			: environment === 'production'
				? MOMENTO_BASE_URLS.production
				: MOMENTO_BASE_URLS.sandbox;
	return url.trim().replace(/\/+$/, '');
}
