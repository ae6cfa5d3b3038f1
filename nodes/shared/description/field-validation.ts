/**
 * Bad input found before anything is sent. Nodes turn it into a NodeOperationError that names the
 * field and the item; it is a plain class so the checks stay pure and testable on their own.
 */
export class FieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'FieldError';
	}
}

/**
 * A value as an error message shows it: JSON for strings, numbers and objects, "nothing" for an
 * empty expression (JSON.stringify(undefined) would print "undefined"), never "[object Object]".
 */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

export function requireText(value: unknown, field: string, hint?: string): string {
	if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw new FieldError(
			field,
			`${field} ${String(value)} is a number above 2^53, which cannot be passed exactly; pass it as a string`,
			`Pass ${field} as a string.`,
		);
	}
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string' || value.trim() === '') {
		throw new FieldError(
			field,
			`${field} is required`,
			hint ?? `Set ${field}; if it comes from an expression, check that the expression resolves.`,
		);
	}
	return value.trim();
}

export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	return value.trim();
}

function parseJsonText(text: string, field: string): unknown {
	let problem: string | undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		problem = (error as Error).message;
	}
	if (problem !== undefined) {
		throw new FieldError(
			field,
			`${field} is not valid JSON: ${problem}`,
			'Check the quotes and brackets.',
		);
	}
	return parsed;
}

/** Accepts an object, or JSON text of an object (what n8n's JSON fields hand over). */
export function parseJsonObject(
	value: unknown,
	field: string,
): Record<string, unknown> | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = typeof value === 'string' ? parseJsonText(value, field) : value;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new FieldError(
			field,
			`${field} must be a JSON object`,
			'Enter a JSON object such as {"key": "value"}.',
		);
	}
	return parsed as Record<string, unknown>;
}

/** Accepts an array, or JSON text of an array. */
export function parseJsonArray(value: unknown, field: string): unknown[] {
	const parsed = typeof value === 'string' ? parseJsonText(value, field) : value;
	if (!Array.isArray(parsed)) {
		throw new FieldError(
			field,
			`${field} must be a JSON array`,
			'Enter a JSON array such as [{"id": "..."}].',
		);
	}
	return parsed;
}

export function requireOneOf<T extends string>(
	value: unknown,
	allowed: readonly T[],
	field: string,
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	throw new FieldError(
		field,
		`${field} must be one of ${allowed.join(', ')} (got ${describeValue(value)})`,
	);
}

export function requirePositiveInteger(value: unknown, field: string): number {
	const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
		throw new FieldError(
			field,
			`${field} must be a whole number of at least 1 (got ${describeValue(value)})`,
		);
	}
	return number;
}

/** Longest id accepted in a URL path: far above any provider's ids, far below a URL limit. */
const MAX_PATH_ID_LENGTH = 200;

/**
 * An id that goes into a URL path, checked before anything is sent: not empty, not `.` or `..`
 * (which `encodeURIComponent` leaves as they are, so the request would go to another endpoint),
 * no `/`, `\`, `?`, `#`, `%`, spaces or control characters. Returns the trimmed id.
 */
export function requirePathId(value: unknown, field: string): string {
	const id = requireText(value, field);
	const shown = JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);
	const hint = `Check ${field}: it must be the id itself; if it comes from an expression, check what it resolves to.`;
	if (/^\.+$/.test(id)) {
		throw new FieldError(
			field,
			`${field} cannot be ${shown}: it would change the request's URL`,
			hint,
		);
	}
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	if (/[/\\?#%\s\u0000-\u001f\u007f]/.test(id)) {
		throw new FieldError(
			field,
			`${field} ${shown} contains a character not allowed in an id (/ \\ ? # % or a space)`,
			hint,
		);
	}
	if (id.length > MAX_PATH_ID_LENGTH) {
		throw new FieldError(
			field,
			`${field} is ${id.length} characters long; at most ${MAX_PATH_ID_LENGTH} are allowed`,
			hint,
		);
	}
	return id;
}

/** An id checked with requirePathId, encoded as one URL path segment. */
export function pathSegment(value: unknown, field: string): string {
	return encodeURIComponent(requirePathId(value, field));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A UUID of any version, as providers that key payments by UUID write them. */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/** A version-4 UUID (the version nibble 4, the RFC 4122 variant). */
export function isUuidV4(value: string): boolean {
	return UUID_V4.test(value);
}
