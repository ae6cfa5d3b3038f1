import {
	FieldError,
	optionalText,
	parseJsonArray,
	parseJsonObject,
	pathSegment,
	requireOneOf,
	requirePathId,
	requirePositiveInteger,
	requireText,
} from '../../nodes/shared/description/field-validation';

describe('validation helpers', () => {
	it('requireText trims, accepts numbers and refuses empty values with the field name', () => {
		expect(requireText(' abc ', 'Biller Code')).toBe('abc');
		expect(requireText(42, 'Biller Code')).toBe('42');
		for (const empty of ['', '   ', undefined, null, {}]) {
			expect(() => requireText(empty, 'Biller Code')).toThrow('Biller Code is required');
		}
	});

	it('optionalText gives undefined for nothing', () => {
		expect(optionalText('')).toBeUndefined();
		expect(optionalText(undefined)).toBeUndefined();
		expect(optionalText(' x ')).toBe('x');
	});

	it('parseJsonObject accepts objects and JSON text of objects only', () => {
		expect(parseJsonObject('{"a": 1}', 'Meta Data')).toEqual({ a: 1 });
		expect(parseJsonObject({ b: 2 }, 'Meta Data')).toEqual({ b: 2 });
		expect(parseJsonObject('', 'Meta Data')).toBeUndefined();
		expect(() => parseJsonObject('{"a": ', 'Meta Data')).toThrow(/^Meta Data is not valid JSON/);
		expect(() => parseJsonObject('[1]', 'Meta Data')).toThrow('Meta Data must be a JSON object');
		expect(() => parseJsonObject('"text"', 'Meta Data')).toThrow(FieldError);
	});

	it('parseJsonArray accepts arrays and JSON text of arrays only', () => {
		expect(parseJsonArray('[1, 2]', 'Bills')).toEqual([1, 2]);
		expect(() => parseJsonArray('{}', 'Bills')).toThrow('Bills must be a JSON array');
		expect(() => parseJsonArray('[', 'Bills')).toThrow(/Bills is not valid JSON/);
	});

	it('requireOneOf and requirePositiveInteger', () => {
		expect(requireOneOf('CASH', ['CASH', 'EWALLET'] as const, 'Payment Method')).toBe('CASH');
		expect(() => requireOneOf('cash', ['CASH'] as const, 'Payment Method')).toThrow(
			'Payment Method must be one of CASH (got "cash")',
		);
		expect(requirePositiveInteger('3', 'Depth')).toBe(3);
		expect(requirePositiveInteger(1, 'Depth')).toBe(1);
		for (const bad of [0, -1, 1.5, 'two', '']) {
			expect(() => requirePositiveInteger(bad, 'Depth')).toThrow(/Depth must be a whole number/);
		}
	});
});

describe('requirePathId / pathSegment: ids that reach a URL path', () => {
	it.each([
		['', /Order ID is required/],
		['   ', /Order ID is required/],
		['.', /cannot be "\."/],
		['..', /cannot be "\.\."/],
		['a/b', /contains a character/],
		['../orders', /contains a character/],
		['a\\b', /contains a character/],
		['a?x=1', /contains a character/],
		['a#b', /contains a character/],
		['%2e%2e', /contains a character/],
		['a b', /contains a character/],
		['a\u0000b', /contains a character/],
		['x'.repeat(201), /201 characters long/],
		[Number('12345678901234567890'), /above 2\^53/],
		[undefined, /Order ID is required/],
	])('refuses %j, naming the field', (value, message) => {
		expect(() => pathSegment(value, 'Order ID')).toThrow(message);
		expect(() => pathSegment(value, 'Order ID')).toThrow(FieldError);
	});

	it('accepts ids as they are and encodes them as one path segment', () => {
		expect(pathSegment(' 8c0fd7b1-01da-11ed ', 'Order ID')).toBe('8c0fd7b1-01da-11ed');
		expect(pathSegment('a.b', 'Order ID')).toBe('a.b');
		expect(pathSegment('ORD:1+2', 'Order ID')).toBe('ORD%3A1%2B2');
		expect(pathSegment(42, 'Order ID')).toBe('42');
		expect(requirePathId('...x', 'Order ID')).toBe('...x');
	});
});
