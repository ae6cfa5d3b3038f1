// Conductor error types with the details of the document's error table, word for word.

export const ERROR_TABLE = {
	BAD_REQUEST: { code: 400, detail: 'Bad request' },
	INVALID_BILLER_CODE: { code: 400, detail: 'Biller code is invalid' },
	INACTIVE_BILLER_CODE: { code: 400, detail: 'Biller is inactive.' },
	INVALID_IDENTIFIER: { code: 400, detail: 'Customer identifier is invalid.' },
	INVALID_REFERENCE: { code: 400, detail: 'Reference is invalid.' },
	INVALID_EXTERNAL_REFERENCE: { code: 400, detail: 'External reference has already been used' },
	INVALID_ITEMS: { code: 400, detail: 'One or more items are invalid' },
	INVALID_AMOUNT: {
		code: 400,
		detail:
			'Amount in the request is invalid. Value should not contain non-numeric characters or negative value.',
	},
	INVALID_CURRENCY: { code: 400, detail: 'Currency must adhere to the standard ISO 4217 format' },
	INVALID_PAGE_SIZE: { code: 400, detail: 'Page size is invalid' },
	INVALID_DEPTH: { code: 400, detail: 'Depth is invalid' },
	INVALID_CATEGORY: { code: 400, detail: 'Category code is invalid' },
	INVALID_PRODUCTS: { code: 400, detail: 'One or more products are invalid' },
	CONFLICTED_ITEMS: {
		code: 400,
		detail:
			'The bill and order cannot be processed together due to conflicting items or business rules',
	},
	NOT_SUPPORTED: { code: 400, detail: 'Sorry, it seems that this is not supported at the moment' },
	INVALID_PAYMENT_METHOD: { code: 400, detail: 'Payment method is invalid' },
	IN_PROCESSING: { code: 400, detail: 'Transaction is processing' },
	ALREADY_COMPLETED: { code: 400, detail: 'Transaction is already completed' },
	ALREADY_CANCELLED: { code: 400, detail: 'Transaction is already cancelled' },
	ALREADY_ACCEPTED: { code: 400, detail: 'Transaction is already accepted' },
	ALREADY_REJECTED: { code: 400, detail: 'Transaction is already rejected' },
	UNAUTHORIZED: { code: 401, detail: 'No valid Secret Key provided.' },
	FORBIDDEN: { code: 403, detail: 'The parameters were valid but the request failed.' },
	NOT_FOUND: { code: 404, detail: "The requested resource doesn't exist." },
	CONFLICT: {
		code: 409,
		detail:
			'The request conflicts with another request (perhaps due to using the same idempotent key).',
	},
	UNPROCESSABLE_CONTENT: {
		code: 422,
		detail: 'The request cannot be processed due to semantic errors or invalid data',
	},
	// Not in the document's table: what a gateway in front of Conductor answers.
	TOO_MANY_REQUESTS: { code: 429, detail: 'Too many requests' },
	INTERNAL_SERVER_ERROR: { code: 500, detail: "Something went wrong on Conductor's end" },
	SERVICE_UNAVAILABLE: { code: 503, detail: 'Service unavailable' },
} as const;

export type ConductorErrorType = keyof typeof ERROR_TABLE;

export interface StatusBlock {
	code: number;
	type: string;
	detail: string;
}

export interface Envelope {
	status: StatusBlock;
	data?: unknown;
}

/** An error answered with the document's error envelope. */
export class ConductorError extends Error {
	readonly type: ConductorErrorType;
	readonly httpStatus: number;
	readonly detail: string;

	/**
	 * @param explanation only for BAD_REQUEST: appended to the table's 'Bad request' so the client
	 * learns which header or field is wrong. Other types always use the table's detail verbatim.
	 */
	constructor(type: ConductorErrorType, explanation?: string) {
		const entry = ERROR_TABLE[type];
		const detail =
			type === 'BAD_REQUEST' && explanation ? `${entry.detail}: ${explanation}` : entry.detail;
		super(`${type}: ${detail}`);
		this.type = type;
		this.httpStatus = entry.code;
		this.detail = detail;
	}

	toEnvelope(): Envelope {
		return { status: { code: this.httpStatus, type: this.type, detail: this.detail } };
	}
}

export function errorEnvelope(type: ConductorErrorType, explanation?: string): Envelope {
	return new ConductorError(type, explanation).toEnvelope();
}

export function successEnvelope(code: 200 | 201, detail: string, data?: unknown): Envelope {
	const envelope: Envelope = { status: { code, type: 'SUCCESS', detail } };
	if (data !== undefined) envelope.data = data;
	return envelope;
}
