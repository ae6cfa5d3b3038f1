// Money: { currency: ISO 4217 code, value: positive decimal string }. Arithmetic in integer cents.
import { ConductorError } from './errors';

export interface Money {
	currency: string;
	value: string;
}

/** ISO 4217 codes the sandbox knows. Anything else is INVALID_CURRENCY. */
export const KNOWN_CURRENCIES: readonly string[] = [
	'ZAR',
	'NGN',
	'USD',
	'EUR',
	'GBP',
	'KES',
	'GHS',
	'UGX',
	'TZS',
	'ZMW',
	'BWP',
	'NAD',
	'MZN',
	'EGP',
	'MAD',
	'XOF',
	'XAF',
	'RWF',
	'ETB',
	'AED',
	'INR',
	'CAD',
	'AUD',
	'CHF',
	'JPY',
	'CNY',
];

const DECIMAL = /^\d+(\.\d{1,2})?$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts a validated decimal string into integer cents. */
export function toCents(value: string): bigint {
	const [whole, fraction = ''] = value.split('.');
	return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** Formats integer cents as a decimal string with two decimals, e.g. 2050n -> '20.50'. */
export function fromCents(cents: bigint): string {
	const whole = cents / 100n;
	const fraction = (cents % 100n).toString().padStart(2, '0');
	return `${whole.toString()}.${fraction}`;
}

export function normalizeValue(value: string): string {
	return fromCents(toCents(value));
}

/**
 * Checks a Money object and returns it with the value normalized to two decimals.
 * The value must be a string ('12.50'); a JSON number is INVALID_AMOUNT.
 */
export function parseMoney(input: unknown): Money {
	if (!isPlainObject(input)) throw new ConductorError('INVALID_AMOUNT');
	const { currency, value } = input;
	if (typeof value !== 'string' || !DECIMAL.test(value) || toCents(value) <= 0n) {
		throw new ConductorError('INVALID_AMOUNT');
	}
	if (typeof currency !== 'string' || !KNOWN_CURRENCIES.includes(currency)) {
		throw new ConductorError('INVALID_CURRENCY');
	}
	const extra = Object.keys(input).filter((key) => key !== 'currency' && key !== 'value');
	if (extra.length > 0) throw new ConductorError('INVALID_AMOUNT');
	return { currency, value: normalizeValue(value) };
}

export function sumMoney(currency: string, values: string[]): Money {
	const total = values.reduce((sum, value) => sum + toCents(value), 0n);
	return { currency, value: fromCents(total) };
}
