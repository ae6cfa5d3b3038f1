import {
	describeValue,
	FieldError,
	isUuid,
	isUuidV4,
} from '../shared/description/field-validation';

/** Pure rules of a Monerium redeem order: the message the wallet signs and the checks before sending. */

export const MONERIUM_CURRENCIES = ['eur', 'usd', 'gbp', 'isk'] as const;
export type MoneriumCurrency = (typeof MONERIUM_CURRENCIES)[number];

export const ADDRESS_PATTERN = /^0x[0-9a-fA-F]{40}$/;
export const LINK_ADDRESS_MESSAGE = 'I hereby declare that I am the address owner.';
/** The document: a supporting document is required at or above EUR 15,000. */
export const SUPPORTING_DOCUMENT_THRESHOLD_EUR = 15000n;
/** How far the message time may be from now (assumed: the document gives no window). */
export const MESSAGE_FRESHNESS_MINUTES = 5;

const AMOUNT_PATTERN = /^\d+(?:\.\d{1,2})?$/;
/** The IBAN's shape (country, check digits, 11 to 30 letters or digits), without the mod-97 sum. */
const IBAN_FORMAT = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

export function normalizeIban(value: string): string {
	return value.replace(/\s+/g, '').toUpperCase();
}

/** ISO 13616 check: letters to numbers, the rearranged number mod 97 must be 1. */
export function isValidIban(value: string): boolean {
	const iban = normalizeIban(value);
	if (!IBAN_FORMAT.test(iban)) return false;
	const rearranged = iban.slice(4) + iban.slice(0, 4);
	let remainder = 0;
	for (const char of rearranged) {
		const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
		for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
	}
	return remainder === 1;
}

/** The changelog's short IBAN form (2024-10-07): first four and last four characters. */
export function shortIban(value: string): string {
	const iban = normalizeIban(value);
	return iban.length > 8 ? `${iban.slice(0, 4)}...${iban.slice(-4)}` : iban;
}

/** `YYYY-MM-DDTHH:MMZ` in UTC, seconds dropped. */
export function formatMessageTime(date: Date): string {
	return `${date.toISOString().slice(0, 16)}Z`;
}

/**
 * The document's amount: "a series of digits, possibly followed by a decimal point and up to two
 * additional digits. The amount must be a non-negative value." Zero is therefore not refused
 * here: the document allows it, and Monerium decides what a zero order means.
 */
export function requireOrderAmount(value: unknown, field = 'Amount'): string {
	if (typeof value !== 'string' || !AMOUNT_PATTERN.test(value.trim())) {
		throw new FieldError(
			field,
			`${field} must be a decimal string with at most two decimals, such as "100" or "12.50" (got ${describeValue(value)})`,
			'Monerium takes amounts as strings of digits with an optional dot and one or two decimals; the node never rounds.',
		);
	}
	return value.trim();
}

/** Exact comparison of two decimal strings ("1" equals "1.00"). */
export function sameAmount(a: string, b: string): boolean {
	return toCents(a) === toCents(b);
}

function toCents(amount: string): bigint {
	const [integer, fraction = ''] = amount.split('.');
	return BigInt(integer) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}

export function requireCurrency(value: unknown, field = 'Currency'): MoneriumCurrency {
	const code = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (!(MONERIUM_CURRENCIES as readonly string[]).includes(code)) {
		throw new FieldError(
			field,
			`${field} must be one of eur, usd, gbp, isk (got ${describeValue(value)})`,
		);
	}
	return code as MoneriumCurrency;
}

export function requireAddress(value: unknown, field = 'Address'): string {
	const address = typeof value === 'string' ? value.trim() : '';
	if (!ADDRESS_PATTERN.test(address)) {
		throw new FieldError(
			field,
			`${field} must be a 0x address of 40 hexadecimal characters (got ${describeValue(value)})`,
		);
	}
	return address;
}

/**
 * An IBAN of the right shape, without the mod-97 check: for IBANs Monerium gave you (Get, Move),
 * where the document's own examples (EE73I9684012278810458214196) do not pass mod-97.
 */
export function requireIbanFormat(value: unknown, field = 'IBAN'): string {
	const iban = typeof value === 'string' ? normalizeIban(value) : '';
	if (!IBAN_FORMAT.test(iban)) {
		throw new FieldError(
			field,
			`${field} is not an IBAN: expected two letters, two digits and 11 to 30 letters or digits (got ${describeValue(value)})`,
			'Copy the IBAN from IBAN > Get Many; spaces are fine.',
		);
	}
	return iban;
}

/** An IBAN you pay to: the shape and the ISO 13616 mod-97 check, so a typo never sends money. */
export function requireIban(value: unknown, field = 'IBAN'): string {
	const iban = typeof value === 'string' ? normalizeIban(value) : '';
	if (!isValidIban(iban)) {
		throw new FieldError(
			field,
			`${field} is not a valid IBAN: the country code, length or check digits are wrong (got ${describeValue(value)})`,
			'Copy the IBAN again; spaces are fine, a mistyped character fails the mod-97 check.',
		);
	}
	return iban;
}

/** Memo is optional in the document ([5..140] characters when given): empty means none. */
export function optionalMemo(value: unknown, field = 'Memo'): string | undefined {
	const memo = typeof value === 'string' ? value : '';
	if (memo.trim() === '') return undefined;
	const length = [...memo].length;
	if (length < 5 || length > 140) {
		throw new FieldError(field, `${field} must be 5 to 140 characters long (got ${length})`);
	}
	return memo;
}

/** A version-4 UUID, as the document's UUID schema requires (order ids). */
export function requireUuidV4(value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!isUuidV4(text)) {
		throw new FieldError(
			field,
			`${field} must be a version 4 UUID such as 3f2b8a4e-9c1d-4e7f-8a2b-6c5d4e3f2a1b (got ${describeValue(value)})`,
			'The third group starts with 4 and the fourth with 8, 9, a or b; leave it empty to use a derived one.',
		);
	}
	return text.toLowerCase();
}

export function requireUuid(value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!isUuid(text)) {
		throw new FieldError(field, `${field} must be a UUID (got ${describeValue(value)})`);
	}
	return text.toLowerCase();
}

export type Counterpart =
	| { kind: 'iban'; iban: string }
	| { kind: 'chain'; address: string; chain: string };

export interface MessageParts {
	currency: MoneriumCurrency;
	amount: string;
	counterpart: Counterpart;
	at: Date;
	/** Write the IBAN in the changelog's short form. */
	shortIbanForm?: boolean;
}

/** `Send <CUR> <amount> to <IBAN or chain address> at <YYYY-MM-DDTHH:MMZ>`: what the wallet signs. */
export function buildOrderMessage(parts: MessageParts): string {
	const target =
		parts.counterpart.kind === 'iban'
			? parts.shortIbanForm
				? shortIban(parts.counterpart.iban)
				: normalizeIban(parts.counterpart.iban)
			: parts.counterpart.address;
	return `Send ${parts.currency.toUpperCase()} ${parts.amount} to ${target} at ${formatMessageTime(parts.at)}`;
}

export interface ParsedMessage {
	currency: string;
	amount: string;
	target: string;
	at: Date;
}

const MESSAGE_PATTERN =
	/^Send ([A-Z]{3}) (\d+(?:\.\d+)?) to (\S+) at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)$/;

/** Reads a message back; seconds are accepted because the document's own sample has them. */
export function parseOrderMessage(message: string): ParsedMessage | undefined {
	const match = MESSAGE_PATTERN.exec(message);
	if (!match) return undefined;
	const at = new Date(match[4]);
	if (Number.isNaN(at.getTime())) return undefined;
	return { currency: match[1], amount: match[2], target: match[3], at };
}

export interface OrderToCheck {
	message: string;
	currency: MoneriumCurrency;
	amount: string;
	counterpart: Counterpart;
	supportingDocumentId?: string;
}

/** Message, amount, currency and counterpart agree; the message is fresh; big orders carry a document. */
export function checkOrderAgreement(order: OrderToCheck, now: Date): void {
	const parsed = parseOrderMessage(order.message);
	if (!parsed) {
		throw new FieldError(
			'Message',
			'Message is not a Monerium order message: expected "Send EUR 100 to <IBAN or address> at 2024-07-12T12:02Z"',
			'Build it with the Order > Create Message operation and sign exactly that text.',
		);
	}
	if (parsed.currency !== order.currency.toUpperCase()) {
		throw new FieldError(
			'Message',
			`Message is for ${parsed.currency} but the order is in ${order.currency.toUpperCase()}`,
		);
	}
	if (!AMOUNT_PATTERN.test(parsed.amount) || !sameAmount(parsed.amount, order.amount)) {
		throw new FieldError(
			'Message',
			`Message amount ${parsed.amount} differs from the order amount ${order.amount}`,
		);
	}
	const counterpart = order.counterpart;
	const targetMatches =
		counterpart.kind === 'iban'
			? parsed.target === normalizeIban(counterpart.iban) ||
				parsed.target === shortIban(counterpart.iban)
			: parsed.target.toLowerCase() === counterpart.address.toLowerCase();
	if (!targetMatches) {
		throw new FieldError(
			'Message',
			`Message sends to ${parsed.target}, which is not the order's counterpart`,
		);
	}
	const minutes = Math.abs(now.getTime() - parsed.at.getTime()) / 60000;
	if (minutes > MESSAGE_FRESHNESS_MINUTES) {
		throw new FieldError(
			'Message',
			`Message time ${formatMessageTime(parsed.at)} is more than ${MESSAGE_FRESHNESS_MINUTES} minutes from now`,
			'Build and sign a new message right before placing the order. An order already placed is found by its order id (derived from the order, not the message), not placed again.',
		);
	}
	if (
		order.currency === 'eur' &&
		toCents(order.amount) >= SUPPORTING_DOCUMENT_THRESHOLD_EUR * 100n &&
		!order.supportingDocumentId
	) {
		throw new FieldError(
			'Supporting Document ID',
			'Supporting Document ID is required for orders of EUR 15,000 or more',
			'Upload the invoice or agreement with File > Upload and pass its id.',
		);
	}
}
