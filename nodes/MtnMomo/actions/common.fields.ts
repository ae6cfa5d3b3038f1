import {
	describeValue,
	FieldError,
	isUuid,
	optionalText,
	requireText,
} from '../../shared/description/field-validation';

/**
 * An MSISDN as MoMo wants it: digits only, starting with the country code, no plus sign.
 * Spaces, dashes, dots, brackets and a leading + or 00 are removed; a local number (leading 0)
 * is refused because MoMo cannot tell its country.
 */
export function normalizeMsisdn(value: unknown, field: string): string {
	const text = requireText(value, field);
	const digits = text.replace(/[\s\-.()]/g, '').replace(/^(\+|00)/, '');
	if (!/^\d+$/.test(digits)) {
		throw new FieldError(
			field,
			`${field} must be a phone number in international format, digits only (got "${text}")`,
			'Write the number with its country code and no letters, e.g. 256772123456.',
		);
	}
	if (digits.startsWith('0')) {
		throw new FieldError(
			field,
			`${field} "${text}" looks like a local number: MoMo needs the country code`,
			'Replace the leading 0 with the country code, e.g. 0772123456 in Uganda becomes 256772123456.',
		);
	}
	if (digits.length < 8 || digits.length > 15) {
		throw new FieldError(
			field,
			`${field} must have 8 to 15 digits including the country code (got ${digits.length})`,
			'Check the number: an international MSISDN has at most 15 digits.',
		);
	}
	return digits;
}

export type PartyIdType = 'MSISDN' | 'EMAIL' | 'PARTY_CODE';

export function readPartyId(type: PartyIdType, value: unknown, field: string): string {
	if (type === 'MSISDN') return normalizeMsisdn(value, field);
	const text = requireText(value, field);
	if (type === 'EMAIL' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
		throw new FieldError(field, `${field} must be an email address (got "${text}")`);
	}
	return text;
}

export function readPartyType(value: unknown, field: string): PartyIdType {
	if (value === 'MSISDN' || value === 'EMAIL' || value === 'PARTY_CODE') return value;
	throw new FieldError(
		field,
		`${field} must be MSISDN, EMAIL or PARTY_CODE (got ${describeValue(value)})`,
	);
}

/** Where an API user's id comes from, for the sandbox provisioning operations. */
export const API_USER_HINT =
	'Use the apiUser UUID that Sandbox > Create API User output (the API User field of the credential).';

export function readReferenceId(
	value: unknown,
	field: string,
	hint = 'Use a UUID version 4, or leave the field empty to derive one.',
): string {
	const text = requireText(value, field).toLowerCase();
	if (!isUuid(text)) {
		throw new FieldError(
			field,
			`${field} must be a UUID such as 3f4b5c2e-8a1d-4c6e-9b7f-1a2b3c4d5e6f (got "${text}")`,
			hint,
		);
	}
	return text;
}

const MAX_MESSAGE_LENGTH = 160;

export function readMessage(value: unknown, field: string): string | undefined {
	const text = optionalText(value);
	if (text !== undefined && text.length > MAX_MESSAGE_LENGTH) {
		throw new FieldError(
			field,
			`${field} is ${text.length} characters; MoMo accepts at most ${MAX_MESSAGE_LENGTH}`,
		);
	}
	return text;
}

export function readCallbackUrl(value: unknown, field: string): string | undefined {
	const text = optionalText(value);
	if (text === undefined) return undefined;
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new FieldError(
			field,
			`${field} must be an http(s) URL (got "${text}")`,
			'Paste the URL of an MTN MoMo Trigger.',
		);
	}
	return text;
}

/**
 * MoMo callbacks do not say which reference they are about, so the node adds it (and the product)
 * to the callback URL. Here it goes in the query; when the URL is an MTN MoMo Trigger's, the
 * transport's signer moves both into the path with the callback token (signCallbackUrl), because
 * MTN does not promise to keep a query string.
 */
export function callbackWithReference(
	callbackUrl: string,
	referenceId: string,
	product: string,
): string {
	const url = new URL(callbackUrl);
	url.searchParams.set('referenceId', referenceId);
	url.searchParams.set('product', product);
	return url.toString();
}
