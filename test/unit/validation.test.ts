import {
	FieldError,
	optionalText,
	parseJsonArray,
	parseJsonObject,
	requireOneOf,
	requirePositiveInteger,
	requireText,
} from '../../nodes/shared/validation';

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
