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
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) {
		const texts = value.filter((entry) => typeof entry === 'string' && entry.trim() !== '');
		return texts.length > 0 ? texts.join(' ') : undefined;
	}
	return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys that describe the error as a whole, not a field. */
const SUMMARY_KEYS = new Set([
	'error',
	'code',
	'message',
	'detail',
	'status',
	'status_code',
	'type',
	'title',
	'instance',
	'request_id',
	'trace_id',
	'timestamp',
]);
const FIELD_CONTAINERS = ['details', 'errors', 'field_errors', 'fields'];

/**
 * Every "field: problem" in a value, whatever its nesting: { amount: ["..."] },
 * { request: { id_number: ["..."] } }, [{ field: "amount", message: "..." }] or ["..."].
 */
function fieldProblems(value: unknown, path: string, depth = 0): string[] {
	if (depth > 4) return [];
	const text = asText(value);
	if (text !== undefined) return [path ? `${path}: ${text}` : text];
	if (Array.isArray(value)) return value.flatMap((entry) => fieldProblems(entry, path, depth + 1));
	if (!isRecord(value)) return [];
	const field = asText(value.field) ?? asText(value.loc) ?? asText(value.path);
	const message = asText(value.message) ?? asText(value.msg) ?? asText(value.detail);
	if (message !== undefined && (field !== undefined || Object.keys(value).length <= 2)) {
		const where = [path, field].filter(Boolean).join('.');
		return [where ? `${where}: ${message}` : message];
	}
	return Object.entries(value).flatMap(([key, entry]) =>
		fieldProblems(entry, path ? `${path}.${key}` : key, depth + 1),
	);
}

/**
 * Momento's error body is a JSON object the document does not spell out, so every common shape is
 * read: { error, message, details }, { detail, errors: { field: [...] } }, { error: { code,
 * message, details } }, Django REST's { field: ["problem"] }, and lists of { field, message }.
 */
export function readMomentoError(body: unknown): { code?: string; message?: string } {
	if (!isRecord(body)) {
		const problems = fieldProblems(body, '');
		return { message: problems.length > 0 ? problems.join('; ') : undefined };
	}
	const nested = isRecord(body.error) ? body.error : undefined;
	const code = asText(nested?.code) ?? asText(body.code) ?? asText(body.error);
	const summary = asText(nested?.message) ?? asText(body.message) ?? asText(body.detail);
	const problems = [
		...FIELD_CONTAINERS.flatMap((key) => fieldProblems(nested?.[key], '')),
		...FIELD_CONTAINERS.flatMap((key) => fieldProblems(body[key], '')),
		...Object.entries(body)
			.filter(([key]) => !SUMMARY_KEYS.has(key) && !FIELD_CONTAINERS.includes(key))
			.flatMap(([key, value]) => fieldProblems(value, key)),
	];
	const unique = [...new Set(problems)];
	const message = [summary, unique.join('; ')].filter(Boolean).join(' ');
	return { code, message: message === '' ? undefined : message };
}
