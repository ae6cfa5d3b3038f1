import { advanceCursor, timestampKey } from '../../nodes/MementoPayments/trigger/cursor';
import {
	describeMementoError,
	validationDetails,
} from '../../nodes/MementoPayments/transport/errors';
import { formatSince } from '../../nodes/MementoPayments/actions/since.fields';
import { listItems, scrub } from '../../nodes/MementoPayments/transport';

describe('Memento trigger cursor', () => {
	const item = (uuid: string, created_at: string) => ({ uuid, created_at });

	it('orders timestamps of any precision correctly', () => {
		expect(
			timestampKey('2017-10-18T17:02:03.18Z')! > timestampKey('2017-10-18T17:02:03.181879Z')!,
		).toBe(false);
		expect(timestampKey('2017-10-18T19:02:03+02:00')).toBe(timestampKey('2017-10-18T17:02:03Z'));
		expect(timestampKey('not a date')).toBeUndefined();
	});

	it('emits new items once and remembers the ids at the newest timestamp', () => {
		const first = advanceCursor(undefined, [
			item('a', '2025-01-01T00:00:01Z'),
			item('b', '2025-01-01T00:00:02Z'),
			item('c', '2025-01-01T00:00:02Z'),
		]);
		expect(first.fresh.map((entry) => entry.uuid)).toEqual(['a', 'b', 'c']);
		expect(first.cursor).toEqual({ createdAt: '2025-01-01T00:00:02Z', idsAtCursor: ['b', 'c'] });
		// The next answer repeats the boundary (created_at >= cursor) and adds one at the same time.
		const second = advanceCursor(first.cursor, [
			item('b', '2025-01-01T00:00:02Z'),
			item('c', '2025-01-01T00:00:02Z'),
			item('d', '2025-01-01T00:00:02.000Z'),
		]);
		expect(second.fresh.map((entry) => entry.uuid)).toEqual(['d']);
		expect(second.cursor.idsAtCursor).toEqual(['b', 'c', 'd']);
		const third = advanceCursor(second.cursor, [
			item('old', '2024-12-31T00:00:00Z'),
			item('e', '2025-01-01T00:00:03Z'),
			item('e', '2025-01-01T00:00:03Z'),
		]);
		expect(third.fresh.map((entry) => entry.uuid)).toEqual(['e']);
		expect(third.cursor).toEqual({ createdAt: '2025-01-01T00:00:03Z', idsAtCursor: ['e'] });
	});

	it('skips items without id or timestamp', () => {
		expect(
			advanceCursor(undefined, [{ uuid: 'x' }, { created_at: '2025-01-01T00:00:00Z' }]).fresh,
		).toEqual([]);
	});
});

describe('Memento errors and responses', () => {
	it('reads ValidationError field details in either shape', () => {
		expect(validationDetails([{ field: 'amount', message: 'is required' }, 'plain'])).toEqual([
			'amount: is required',
			'plain',
		]);
		expect(validationDetails({ amount: ['is required', 'must be positive'] })).toEqual([
			'amount: is required, must be positive',
		]);
	});

	it('explains 400, 401, 404 and 422', () => {
		expect(describeMementoError(400, { code: 'pool_closed', message: 'Closed' })).toMatchObject({
			type: 'pool_closed',
			detail: 'Closed',
		});
		expect(describeMementoError(400, { error: { code: 'x', message: 'y' } })).toMatchObject({
			type: 'x',
			detail: 'y',
		});
		expect(describeMementoError(401, undefined).hint).toMatch(/Authentication Token/);
		expect(describeMementoError(404, '').hint).toMatch(/does not own/);
		expect(
			describeMementoError(422, {
				message: 'Validation failed',
				errors: [{ field: 'pin', message: 'wrong' }],
			}).detail,
		).toBe('Validation failed; pin: wrong');
	});

	it('finds list items in plain arrays and envelopes', () => {
		expect(listItems([{ a: 1 }])).toEqual([{ a: 1 }]);
		expect(listItems({ data: [{ a: 2 }] })).toEqual([{ a: 2 }]);
		expect(listItems({ nothing: true })).toEqual([]);
	});

	it('scrubs secrets from output', () => {
		// By structure: pin keys dropped, values equal to a secret masked, the rest left as it is.
		expect(scrub({ echo: 'pin 1234 used', pin: '1234', code: '1234' }, ['1234'])).toEqual({
			echo: 'pin 1234 used',
			code: '***',
		});
		// A short PIN never rewrites the answer's numbers or dates.
		expect(
			scrub({ amount: 100000, text: '{"amount":100000}', date: '2024-01-02' }, ['0000', '2024']),
		).toEqual({ amount: 100000, text: '{"amount":100000}', date: '2024-01-02' });
		expect(scrub({ a: 1 }, [''])).toEqual({ a: 1 });
	});

	it('formats Since as YYYY-MM-DD HH:MM:SS in UTC', () => {
		expect(formatSince('2024-01-31T14:00:00.000Z', true)).toBe('2024-01-31 14:00:00');
		expect(formatSince('2024-01-31T16:00:00+02:00', true)).toBe('2024-01-31 14:00:00');
		expect(formatSince('2024-01-31', true)).toBe('2024-01-31 00:00:00');
		expect(formatSince('', false)).toBeUndefined();
		expect(() => formatSince('', true)).toThrow(/Since is required/);
		expect(() => formatSince('yesterday', true)).toThrow(/date and time/);
	});
});
