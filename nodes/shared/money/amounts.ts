import { describeValue, FieldError } from '../description/field-validation';

/**
 * ISO 4217 codes with their minor units. A currency missing here is rejected before sending:
 * a typo ("USD " or "usd") must fail in the node, not at the provider after a partial batch.
 */
const MINOR_UNITS: Record<string, number> = {
	AED: 2,
	AOA: 2,
	ARS: 2,
	AUD: 2,
	BDT: 2,
	BHD: 3,
	BRL: 2,
	BWP: 2,
	CAD: 2,
	CHF: 2,
	CLP: 0,
	CNY: 2,
	COP: 2,
	CZK: 2,
	DKK: 2,
	DOP: 2,
	EGP: 2,
	ETB: 2,
	EUR: 2,
	GBP: 2,
	GHS: 2,
	GNF: 0,
	HKD: 2,
	HUF: 2,
	IDR: 2,
	ILS: 2,
	INR: 2,
	ISK: 0,
	JOD: 3,
	JPY: 0,
	KES: 2,
	KRW: 0,
	KWD: 3,
	LRD: 2,
	MAD: 2,
	MWK: 2,
	MXN: 2,
	MYR: 2,
	MZN: 2,
	NAD: 2,
	NGN: 2,
	NOK: 2,
	NZD: 2,
	OMR: 3,
	PEN: 2,
	PHP: 2,
	PKR: 2,
	PLN: 2,
	QAR: 2,
	RON: 2,
	RWF: 0,
	SAR: 2,
	SEK: 2,
	SGD: 2,
	SLE: 2,
	SZL: 2,
	THB: 2,
	TND: 3,
	TRY: 2,
	TZS: 2,
	UGX: 0,
	USD: 2,
	UYU: 2,
	VND: 0,
	XAF: 0,
	XOF: 0,
	ZAR: 2,
	ZMW: 2,
};

export function isKnownCurrency(code: string): boolean {
	return Object.prototype.hasOwnProperty.call(MINOR_UNITS, code);
}

export function minorUnitsOf(currency: string): number {
	return MINOR_UNITS[currency] ?? 2;
}

export function requireCurrency(
	value: unknown,
	field: string,
	hint = 'Use the three-letter ISO 4217 code of the currency, for example EUR or USD.',
): string {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!/^[A-Z]{3}$/.test(code) || !isKnownCurrency(code)) {
		throw new FieldError(
			field,
			`${field} must be an ISO 4217 currency code such as ZAR, NGN or USD (got ${describeValue(value)})`,
			hint,
		);
	}
	return code;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Significant digits every decimal of that many digits keeps through a JSON number (a double). */
const EXACT_DIGITS = 15;

/**
 * A JSON number above 2^53, or with more than 15 significant digits, may already have changed
 * before the node sees it (12345678901234567890 arrives as 12345678901234567000): refused, not sent.
 */
function refuseInexactNumber(value: number, field: string): void {
	if (Number.isSafeInteger(value)) return;
	const digits = String(Math.abs(value))
		.replace(/e[+-]?\d+$/i, '')
		.replace(/\D/g, '')
		.replace(/^0+/, '')
		.replace(/0+$/, '');
	// Below 1, such a number has more decimals than any currency, which the scale check reports.
	const large = Math.abs(value) > Number.MAX_SAFE_INTEGER;
	if (large || (digits.length > EXACT_DIGITS && Math.abs(value) >= 1)) {
		throw new FieldError(
			field,
			`${field} ${String(value)} is a number too large or too precise to be passed exactly; pass it as a string`,
			`Pass ${field} as a string, e.g. "12345678901234567890.00", taken from the source text rather than a JSON number.`,
		);
	}
}

/**
 * Validates a positive amount and returns it as a canonical decimal string. Numbers are accepted
 * from expressions only when they print exactly (a float such as 0.1 + 0.2 is refused rather than
 * rounded), and never more decimals than the currency (or provider) allows.
 */
export function requireAmount(
	value: unknown,
	field: string,
	options: { currency?: string; maxDecimals?: number } = {},
): string {
	if (typeof value === 'number') refuseInexactNumber(value, field);
	const text =
		typeof value === 'number' && Number.isFinite(value)
			? String(value)
			: typeof value === 'string'
				? value.trim()
				: '';
	const match = DECIMAL.exec(text);
	if (!match) {
		throw new FieldError(
			field,
			`${field} must be a positive decimal number such as "20.00" (got ${describeValue(value)})`,
			'Use digits and at most one dot; no currency symbols, thousands separators or signs.',
		);
	}
	const maxDecimals =
		options.maxDecimals ?? (options.currency ? minorUnitsOf(options.currency) : undefined);
	const fraction = (match[2] ?? '').replace(/0+$/, '');
	if (maxDecimals !== undefined && fraction.length > maxDecimals) {
		throw new FieldError(
			field,
			`${field} has more decimals than ${options.currency ?? 'this provider'} allows (at most ${maxDecimals}): ${text}`,
			'Round the amount before sending it; the node never rounds money.',
		);
	}
	const integer = match[1].replace(/^0+(?=\d)/, '');
	if (/^0+$/.test(integer) && fraction === '') {
		throw new FieldError(field, `${field} must be greater than zero (got ${text})`);
	}
	// Canonical form: the currency's minor units ("20" ZAR is "20.00"), else the digits given.
	const scale = options.currency
		? Math.max(fraction.length, minorUnitsOf(options.currency))
		: fraction.length;
	return scale === 0 ? integer : `${integer}.${fraction.padEnd(scale, '0')}`;
}

/** Exact sum of decimal strings (no floating point), with the largest scale of the inputs. */
export function addDecimals(...amounts: string[]): string {
	const scale = Math.max(0, ...amounts.map((amount) => (amount.split('.')[1] ?? '').length));
	const total = amounts.reduce((sum, amount) => {
		const [integer, fraction = ''] = amount.split('.');
		return sum + BigInt(integer + fraction.padEnd(scale, '0'));
	}, 0n);
	const digits = total.toString().padStart(scale + 1, '0');
	return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Compares two non-negative decimal strings exactly: -1, 0 or 1. */
export function compareDecimals(left: string, right: string): number {
	const scale = Math.max((left.split('.')[1] ?? '').length, (right.split('.')[1] ?? '').length);
	const toUnits = (value: string) => {
		const [integer, fraction = ''] = value.split('.');
		return BigInt(integer + fraction.padEnd(scale, '0'));
	};
	const difference = toUnits(left) - toUnits(right);
	return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}

/** A decimal string times a whole number, exactly. */
export function multiplyDecimal(amount: string, times: number): string {
	const [integer, fraction = ''] = amount.split('.');
	const product = BigInt(integer + fraction) * BigInt(times);
	const digits = product.toString().padStart(fraction.length + 1, '0');
	return fraction.length === 0
		? digits
		: `${digits.slice(0, -fraction.length)}.${digits.slice(-fraction.length)}`;
}

/** `left - right` for non-negative decimal strings, exactly; never below zero. */
export function subtractDecimals(left: string, right: string): string {
	const scale = Math.max((left.split('.')[1] ?? '').length, (right.split('.')[1] ?? '').length);
	const toUnits = (value: string) => {
		const [integer, fraction = ''] = value.split('.');
		return BigInt(integer + fraction.padEnd(scale, '0'));
	};
	const difference = toUnits(left) - toUnits(right);
	const digits = (difference > 0n ? difference : 0n).toString().padStart(scale + 1, '0');
	return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
