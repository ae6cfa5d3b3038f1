import { addDecimals, requireAmount, requireCurrency } from '../../nodes/shared/money/amounts';
import { FieldError } from '../../nodes/shared/description/field-validation';

describe('requireAmount', () => {
	it.each([
		['20', 'ZAR', '20.00'],
		['20.5', 'ZAR', '20.50'],
		['0020.10', 'ZAR', '20.10'],
		[' 1234567890123.45 ', 'USD', '1234567890123.45'],
		[12.5, 'USD', '12.50'],
		['1500', 'UGX', '1500'],
		['9.990', 'ZAR', '9.99'],
		['1.250', 'BHD', '1.250'],
	])('%j in %s is %s', (value, currency, expected) => {
		expect(requireAmount(value, 'Amount', { currency })).toBe(expected);
	});

	it.each([
		['12,50'],
		['-5'],
		['+5'],
		['1e3'],
		['R 20'],
		[''],
		[null],
		[{}],
		[Number.NaN],
		['.5'],
		['5.'],
	])('refuses %j as not a positive decimal', (value) => {
		expect(() => requireAmount(value, 'Amount', { currency: 'ZAR' })).toThrow(
			/Amount must be a positive decimal/,
		);
	});

	it('refuses zero', () => {
		expect(() => requireAmount('0.00', 'Amount', { currency: 'ZAR' })).toThrow(/greater than zero/);
	});

	it('never rounds: more decimals than the currency allows is an error', () => {
		expect(() => requireAmount('10.005', 'Amount', { currency: 'ZAR' })).toThrow(FieldError);
		expect(() => requireAmount('10.5', 'Amount', { currency: 'JPY' })).toThrow(
			/JPY allows \(at most 0\)/,
		);
		expect(() => requireAmount(0.1 + 0.2, 'Amount', { currency: 'USD' })).toThrow(/more decimals/);
	});

	it('applies a provider limit tighter than the currency', () => {
		expect(() => requireAmount('1.234', 'Amount', { maxDecimals: 2 })).toThrow(
			/this provider allows \(at most 2\)/,
		);
	});

	it('names the field in the error and carries a hint', () => {
		try {
			requireAmount('abc', 'Bill 2 Amount');
			throw new Error('expected a FieldError');
		} catch (error) {
			expect(error).toBeInstanceOf(FieldError);
			expect((error as FieldError).field).toBe('Bill 2 Amount');
			expect((error as FieldError).hint).toMatch(/digits and at most one dot/);
		}
	});
});

describe('requireCurrency', () => {
	it('accepts known ISO 4217 codes in any case', () => {
		expect(requireCurrency('zar', 'Currency')).toBe('ZAR');
		expect(requireCurrency(' NGN ', 'Currency')).toBe('NGN');
	});

	it.each(['ZZZ', 'RAND', 'R', '', 12, undefined])('refuses %j', (value) => {
		expect(() => requireCurrency(value, 'Currency')).toThrow(/ISO 4217/);
	});
});

describe('addDecimals', () => {
	it('sums exactly, without floating point', () => {
		expect(addDecimals('0.10', '0.20')).toBe('0.30');
		expect(addDecimals('929.00', '59.99', '519.00')).toBe('1507.99');
		expect(addDecimals('1', '0.005')).toBe('1.005');
		expect(addDecimals('99999999999999999.99', '0.01')).toBe('100000000000000000.00');
	});
});

describe('requireAmount with JSON numbers that cannot be passed exactly', () => {
	it.each([Number('12345678901234567890'), 2 ** 53 + 2, 1e21, Number('99999999999999.98')])(
		'refuses %p and says to pass a string',
		(value) => {
			expect(() => requireAmount(value, 'Amount', { currency: 'EUR' })).toThrow(
				/Amount .* too large or too precise/,
			);
			try {
				requireAmount(value, 'Amount', { currency: 'EUR' });
			} catch (error) {
				expect((error as { hint?: string }).hint).toMatch(/as a string/);
			}
		},
	);

	it('accepts the same amounts as strings, digit for digit', () => {
		expect(requireAmount('12345678901234567890', 'Amount', { currency: 'EUR' })).toBe(
			'12345678901234567890.00',
		);
		expect(requireAmount(9007199254740991, 'Amount', { currency: 'JPY' })).toBe('9007199254740991');
		expect(requireAmount(1234567.89, 'Amount', { currency: 'EUR' })).toBe('1234567.89');
	});
});
