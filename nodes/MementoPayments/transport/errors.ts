import type { IDataObject } from 'n8n-workflow';

/** What Memento said went wrong, read from its (assumed) Error and ValidationError objects. */
export interface MementoErrorDescription {
	type?: string;
	detail: string;
	hint: string;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `errors` as [{field, message}] or {field: message | [messages]}, as "field: message" lines. */
export function validationDetails(errors: unknown): string[] {
	if (Array.isArray(errors)) {
		return errors.flatMap((entry) => {
			if (typeof entry === 'string') return [entry];
			const object = (entry ?? {}) as IDataObject;
			const field = text(object.field) ?? text(object.name) ?? text(object.path);
			const message =
				text(object.message) ?? text(object.error) ?? text(object.code) ?? 'is invalid';
			return [field ? `${field}: ${message}` : message];
		});
	}
	if (errors && typeof errors === 'object') {
		return Object.entries(errors as IDataObject).map(([field, messages]) => {
			const list = Array.isArray(messages) ? messages.map(String).join(', ') : String(messages);
			return `${field}: ${list}`;
		});
	}
	return [];
}

function errorObject(body: unknown): IDataObject {
	if (!body || typeof body !== 'object') return {};
	const object = body as IDataObject;
	return object.error && typeof object.error === 'object' ? (object.error as IDataObject) : object;
}

export function describeMementoError(statusCode: number, body: unknown): MementoErrorDescription {
	const error = errorObject(body);
	const type = text(error.code) ?? text(error.type);
	const message = text(error.message) ?? text((body as IDataObject | undefined)?.error);
	switch (statusCode) {
		case 401:
			return {
				type: 'UNAUTHORIZED',
				detail: 'the session was refused even after opening a new one',
				hint: 'Check the Authentication Token (and Project ID) in the Memento Payments credential. If the token was revoked, get a new one with Token > Create and Token > Confirm.',
			};
		case 404:
			return {
				type: 'NOT_FOUND',
				detail: 'no such object for this user',
				hint: 'Memento answers 404 for a wrong URL or an object the current user does not own: check the UUID, the Base URL and the Project ID.',
			};
		case 422: {
			const details = validationDetails(error.errors ?? error.fields ?? error.details);
			return {
				type: type ?? 'VALIDATION_ERROR',
				detail: [message ?? 'the request did not pass validation', ...details].join('; '),
				hint: 'Fix the fields named above; amounts are decimal strings such as 12.50.',
			};
		}
		case 429:
			return {
				type: type ?? 'RATE_LIMITED',
				detail: message ?? 'too many requests',
				hint: 'Memento is rate limiting this account; run fewer items at a time or wait a moment.',
			};
		default:
			if (statusCode >= 500) {
				return {
					type,
					detail: message ?? 'Memento failed',
					hint: 'Memento is unavailable; try again later. Money moves carry an idempotency key, so running the same item again replays instead of paying twice.',
				};
			}
			return {
				type: type ?? (statusCode === 400 ? 'BAD_REQUEST' : undefined),
				detail: message ?? 'the request was refused',
				hint:
					statusCode === 400
						? 'Memento refused the request (a 400 when opening a session means the account is locked or invalid). Check the fields and the account.'
						: 'Check the fields of this operation.',
			};
	}
}
