// Every secret a provider's sandbox credential holds, and a sweep of text (n8n's log, outputs,
// errors) for them. A hit fails and names the credential field, never the value.

interface CredentialLike {
	type: string;
	data: Record<string, unknown>;
}

export interface NamedSecret {
	/** credential type and field, e.g. mtnMomoApi.apiKey */
	name: string;
	value: string;
}

const SECRET_FIELD = /key|secret|token|pin|password/i;
/** Shorter secrets (PINs) are looked for only where a value stands alone, never inside digits. */
const LONG = 16;

export function credentialSecrets(credentials: CredentialLike[]): NamedSecret[] {
	const secrets: NamedSecret[] = [];
	for (const credential of credentials) {
		const data = (credential.data ?? {}) as Record<string, unknown>;
		for (const [field, value] of Object.entries(data)) {
			// OAuth2 token data (Monerium) is an object: every long string in it.
			if (value && typeof value === 'object' && SECRET_FIELD.test(field)) {
				for (const inner of tokensInJson(JSON.stringify(value))) {
					secrets.push({ name: `${credential.type}.${field}(inner)`, value: inner });
				}
				continue;
			}
			if (typeof value !== 'string' || value.length < 4 || !SECRET_FIELD.test(field)) continue;
			secrets.push({ name: `${credential.type}.${field}`, value });
			// Session tokens kept as JSON (MTN MoMo: one per product): each token inside.
			for (const inner of tokensInJson(value)) {
				secrets.push({ name: `${credential.type}.${field}(inner)`, value: inner });
			}
		}
		// MTN MoMo's token request carries Basic base64(apiUser:apiKey).
		if (typeof data.apiUser === 'string' && typeof data.apiKey === 'string' && data.apiKey) {
			const basic = Buffer.from(`${data.apiUser}:${data.apiKey}`, 'utf8').toString('base64');
			secrets.push({ name: `${credential.type}.Basic(apiUser:apiKey)`, value: basic });
		}
	}
	return secrets;
}

function tokensInJson(value: string): string[] {
	if (!value.startsWith('{')) return [];
	const found: string[] = [];
	const walk = (entry: unknown): void => {
		if (typeof entry === 'string' && entry.length >= LONG) found.push(entry);
		else if (entry && typeof entry === 'object') Object.values(entry).forEach(walk);
	};
	try {
		walk(JSON.parse(value));
	} catch {
		return [];
	}
	return found;
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

/** Fails, naming the secrets (never their values), when the text holds any. */
export function expectNoSecrets(text: string, secrets: NamedSecret[], where: string): void {
	expect({ where, found: findSecrets(text, secrets) }).toEqual({ where, found: [] });
}

interface RunLike {
	run: unknown;
	error?: (Error & { description?: string }) | undefined;
}

/** What n8n stores and shows for a run: every node's output items, the error, its description. */
export function runText(result: RunLike): string {
	const error = result.error;
	return JSON.stringify({
		run: (result.run as { data?: unknown } | undefined)?.data,
		message: error?.message,
		description: error?.description,
	});
}
