import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// What the Memento Payments credential and node both know about the API. Both import this
// module; the node never imports the credential file.

export const MEMENTO_DEFAULT_BASE_URL = 'https://api.mementopayments.com';
/** The document asks for the project id "in the header" without naming it: assumed name. */
export const MEMENTO_DEFAULT_PROJECT_HEADER = 'X-Project-Id';
/** Memento's own example uses limit=100; lists and lookups ask for pages of this size. */
export const MEMENTO_PAGE_SIZE = 100;

export function mementoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || MEMENTO_DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, '');
}

/** The project header, when a project id is set (Memento Payments Cloud without a CNAME). */
export function mementoProjectHeaders(
	credentials: ICredentialDataDecryptedObject,
): Record<string, string> {
	const projectId = String(credentials.projectId ?? '').trim();
	if (projectId === '') return {};
	const name = String(credentials.projectHeader || MEMENTO_DEFAULT_PROJECT_HEADER).trim();
	return { [name]: projectId };
}

/** Renew this long before expires_at: a minute, or a tenth of a shorter session. */
const RENEW_MARGIN_MS = 60_000;

/** ISO time at which a session that expires at `expiresAt` should be replaced ('' if unknown). */
export function sessionRenewAt(expiresAt: unknown, now: number): string {
	const expiry = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN;
	if (Number.isNaN(expiry)) return '';
	const margin = Math.min(RENEW_MARGIN_MS, Math.max(0, (expiry - now) / 10));
	return new Date(expiry - margin).toISOString();
}
