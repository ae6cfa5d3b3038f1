import type { IDataObject } from 'n8n-workflow';

/** Monerium error bodies: `{ code, status, message, errors? }`; `errors` names the fields. */
export interface MoneriumErrorInfo {
	type?: string;
	detail?: string;
	fields: string[];
}

export function readMoneriumError(body: unknown): MoneriumErrorInfo {
	const data = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const message = typeof data.message === 'string' ? data.message : undefined;
	const type = typeof data.status === 'string' ? data.status : undefined;
	const fieldMessages: string[] = [];
	const fields: string[] = [];
	const errors = data.errors ?? data.details;
	if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
		for (const [field, problem] of Object.entries(errors as IDataObject)) {
			fields.push(field);
			fieldMessages.push(
				`${field}: ${Array.isArray(problem) ? problem.join(', ') : String(problem)}`,
			);
		}
	} else if (Array.isArray(errors)) {
		for (const entry of errors as IDataObject[]) {
			const field = String(entry.field ?? entry.path ?? entry.name ?? '');
			if (field) fields.push(field);
			fieldMessages.push(
				`${field ? `${field}: ` : ''}${String(entry.message ?? entry.error ?? '')}`,
			);
		}
	}
	const detail = [message, fieldMessages.join('; ')].filter(Boolean).join(' - ') || undefined;
	return { type, detail, fields };
}

export function moneriumHint(
	statusCode: number,
	info: MoneriumErrorInfo,
	retryAfter?: string,
): string | undefined {
	if (info.fields.length > 0) return `Check these fields: ${info.fields.join(', ')}.`;
	if (statusCode === 400)
		return 'Check the fields of this operation. "The client is not authorized to request a token using this method" means the client ID does not match the grant type.';
	if (statusCode === 401)
		return 'Monerium did not accept the access token: check the client ID and secret, or reconnect the credential.';
	if (statusCode === 403)
		return 'The token is valid but not allowed to do this: endpoints marked "Requires extra privileges" must be enabled for your app by Monerium, and the profile must have authorized your app.';
	if (statusCode === 404) return 'Check the ID: Monerium has no such resource for this profile.';
	if (statusCode === 409) return 'The resource already exists (e.g. an order with this ID).';
	if (statusCode === 422)
		return 'Monerium rejected the values: check amounts, addresses, chains and the signature.';
	if (statusCode === 429)
		return `Monerium is rate limiting this application${retryAfter ? `; it asked to wait ${retryAfter} seconds` : ''}. Run fewer items at a time.`;
	if (statusCode >= 500)
		return 'Monerium failed or is unavailable; try again later. An order answered this way may still have been placed: running the item again first looks it up by its order id and places it only if Monerium does not have it.';
	return undefined;
}
