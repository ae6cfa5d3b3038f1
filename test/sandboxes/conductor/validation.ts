// Input checks shared by the endpoints. Each throws a ConductorError with the document's type.
import { ConductorError } from './errors';
import { findBiller, SEED_CUSTOMERS, type SeedBiller, type SeedCustomer } from './seed';

export const PAYMENT_METHODS: readonly string[] = [
	'CASH',
	'DEBIT_CARD',
	'CREDIT_CARD',
	'BANK_TRANSFER',
	'MOBILE_MONEY',
	'EWALLET',
];

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as an object; an empty body counts as {}. */
export function bodyObject(body: unknown): JsonObject {
	if (body === undefined) return {};
	if (!isPlainObject(body))
		throw new ConductorError('BAD_REQUEST', 'the body must be a JSON object');
	return body;
}

/** Rejects fields the document does not define for the endpoint (catches misspelt fields). */
export function onlyFields(body: JsonObject, allowed: readonly string[]): void {
	const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
	if (unknown.length > 0) {
		throw new ConductorError('BAD_REQUEST', `unknown field(s): ${unknown.join(', ')}`);
	}
}

export function requireString(body: JsonObject, field: string): string {
	const value = body[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ConductorError('BAD_REQUEST', `${field} is required and must be a non-empty string`);
	}
	if (value.length > 255) {
		throw new ConductorError('BAD_REQUEST', `${field} must be at most 255 characters`);
	}
	return value;
}

export function optionalString(body: JsonObject, field: string): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string')
		throw new ConductorError('BAD_REQUEST', `${field} must be a string`);
	return value;
}

export function parseComplete(value: unknown): boolean {
	if (value === undefined) return false;
	if (typeof value !== 'boolean')
		throw new ConductorError('BAD_REQUEST', 'complete must be a boolean');
	return value;
}

export function parseMetaData(value: unknown): JsonObject | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isPlainObject(value)) throw new ConductorError('BAD_REQUEST', 'meta_data must be an object');
	return value;
}

/** payment_method must be one of the enum; it is required when `required` (complete=true). */
export function parsePaymentMethod(value: unknown, required: boolean): string | undefined {
	if (value === undefined || value === null) {
		if (required) throw new ConductorError('INVALID_PAYMENT_METHOD');
		return undefined;
	}
	if (typeof value !== 'string' || !PAYMENT_METHODS.includes(value)) {
		throw new ConductorError('INVALID_PAYMENT_METHOD');
	}
	return value;
}

/** A seeded, active biller. */
export function resolveBiller(code: unknown): SeedBiller {
	const biller = typeof code === 'string' ? findBiller(code) : undefined;
	if (!biller) throw new ConductorError('INVALID_BILLER_CODE');
	if (!biller.active) throw new ConductorError('INACTIVE_BILLER_CODE');
	return biller;
}

/**
 * The seeded customer an identifier designates. za_dstv style: a string (customer number, smart
 * card number or national ID). ng_dstv style: exactly { customer_number } or { smart_card_number }.
 */
export function resolveCustomer(biller: SeedBiller, identifier: unknown): SeedCustomer {
	const customers = SEED_CUSTOMERS.filter((customer) => customer.biller_code === biller.code);
	let found: SeedCustomer | undefined;
	if (biller.identifier_style === 'search-string') {
		if (typeof identifier === 'string') {
			found = customers.find((customer) => customer.search_identifiers.includes(identifier));
		}
	} else if (isPlainObject(identifier) && Object.keys(identifier).length === 1) {
		const { customer_number: customerNumber, smart_card_number: smartCard } = identifier;
		if (typeof customerNumber === 'string') {
			found = customers.find((customer) => customer.customer_number === customerNumber);
		} else if (typeof smartCard === 'string') {
			found = customers.find((customer) => customer.smart_card_number === smartCard);
		}
	}
	if (!found) throw new ConductorError('INVALID_IDENTIFIER');
	return found;
}

/** reference is optional; when sent it must be one of the biller's product references. */
export function parseReference(biller: SeedBiller, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || !biller.references.includes(value)) {
		throw new ConductorError('INVALID_REFERENCE');
	}
	return value;
}
