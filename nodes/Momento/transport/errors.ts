/** What to fix for each Momento error code (codes as the sandbox and the assumed API send them). */
const MOMENTO_ERROR_HINTS: Record<string, string> = {
	MISSING_SIGNATURE:
		'Momento got no M-Signature header. Use the Momento Business API credential on this request.',
	INVALID_SIGNATURE:
		'Momento could not verify the M-Signature: check the Secret Key and the Environment (sandbox and production keys differ) in the credential.',
	VALIDATION_ERROR: 'Check the fields named in the message.',
	INVALID_JSON: 'The body was not valid JSON; send a JSON object.',
	UNSUPPORTED_MEDIA_TYPE: 'Momento accepts only Content-Type: application/json.',
	DUPLICATE_ORDER:
		'This Order ID was already used for a different order. Leave Order ID empty to derive one from the order, or use a new one.',
	USER_EXISTS: 'A user with this cédula already exists; use User > Get.',
	NOT_FOUND: 'Check the ID: Momento has no such record (or the base URL path is wrong).',
};

export const RATE_LIMIT_PER_HOUR = 1000;

export function momentoHint(code: string | undefined, statusCode: number): string | undefined {
	if (code && MOMENTO_ERROR_HINTS[code]) return MOMENTO_ERROR_HINTS[code];
	if (statusCode === 401 || statusCode === 403) return MOMENTO_ERROR_HINTS.INVALID_SIGNATURE;
	if (statusCode === 404) return MOMENTO_ERROR_HINTS.NOT_FOUND;
	if (statusCode >= 500)
		return 'Momento failed; try again later. An order answered this way may still have been created: running the item again first looks it up by its Order ID and creates it only if Momento does not have it.';
	return undefined;
}

function asText(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (Array.isArray(value)) return value.filter((entry) => typeof entry === 'string').join(' ');
	return undefined;
}

/**
 * Momento's error body is a JSON object the document does not spell out. Read the common
 * shapes: { error, message, details }, { detail }, { error: { code, message } } and Django REST's
 * { field: ["problem"] }.
 */
export function readMomentoError(body: unknown): { code?: string; message?: string } {
	if (typeof body !== 'object' || body === null) return { message: asText(body) };
	const record = body as Record<string, unknown>;
	const nested =
		typeof record.error === 'object' && record.error !== null
			? (record.error as Record<string, unknown>)
			: undefined;
	const code = asText(nested?.code) ?? asText(record.code) ?? asText(record.error);
	let message = asText(nested?.message) ?? asText(record.message) ?? asText(record.detail);
	const details =
		typeof record.details === 'object' && record.details !== null
			? (record.details as Record<string, unknown>)
			: nested || code || message
				? undefined
				: record;
	const fieldProblems = Object.entries(details ?? {})
		.map(([field, problem]) => (asText(problem) ? `${field}: ${asText(problem)}` : undefined))
		.filter((entry): entry is string => entry !== undefined);
	if (fieldProblems.length > 0)
		message = [message, fieldProblems.join('; ')].filter(Boolean).join(' ');
	return { code, message };
}
