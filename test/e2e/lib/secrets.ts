// Every secret a provider's sandbox credential holds, and a sweep of text (n8n's log, outputs) for
// them. A hit fails the suite and names the credential field, never the value.
import type { CredentialImport } from './n8n';

export interface NamedSecret {
	/** credential type and field, e.g. mtnMomoApi.apiKey */
	name: string;
	value: string;
}

const SECRET_FIELD = /key|secret|token|pin|password/i;
/** Shorter secrets (PINs) are looked for only where a value stands alone, never inside digits. */
const LONG = 16;

export function credentialSecrets(credentials: CredentialImport[]): NamedSecret[] {
	const secrets: NamedSecret[] = [];
	for (const credential of credentials) {
		const data = (credential.data ?? {}) as Record<string, unknown>;
		for (const [field, value] of Object.entries(data)) {
			if (typeof value !== 'string' || value.length < 4 || !SECRET_FIELD.test(field)) continue;
			secrets.push({ name: `${credential.type}.${field}`, value });
		}
		// MTN MoMo's token request carries Basic base64(apiUser:apiKey).
		if (typeof data.apiUser === 'string' && typeof data.apiKey === 'string' && data.apiKey) {
			const basic = Buffer.from(`${data.apiUser}:${data.apiKey}`, 'utf8').toString('base64');
			secrets.push({ name: `${credential.type}.Basic(apiUser:apiKey)`, value: basic });
		}
	}
	return secrets;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names of the secrets found in the text. */
export function findSecrets(text: string, secrets: NamedSecret[]): string[] {
	return secrets
		.filter(({ value }) =>
			value.length >= LONG
				? text.includes(value)
				: new RegExp(`(?<![A-Za-z0-9:.-])${escapeRegExp(value)}(?![A-Za-z0-9:.-])`).test(text),
		)
		.map(({ name }) => name);
}
