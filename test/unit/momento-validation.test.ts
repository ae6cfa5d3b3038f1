import { momentoJsonBody } from '../../nodes/Momento/transport/json-body';
import { readMomentoError } from '../../nodes/Momento/transport/errors';
import { isDuplicate, readStatusCallback, remember } from '../../nodes/Momento/trigger/callback';
import { callbackTokenMatches } from '../../nodes/shared/webhooks/callback-token';
import {
	optionalCallbackUrl,
	optionalOrderId,
	requireCedula,
	requireEmail,
	requireMomentoAmount,
	requireMomentoCurrency,
} from '../../nodes/Momento/actions/validation';
import { momentoBaseUrl } from '../../nodes/Momento/constants';

describe('Momento input checks', () => {
	it('accepts DOP and USD amounts with the currency scale, as decimal strings', () => {
		expect(requireMomentoCurrency(' usd ')).toBe('USD');
		expect(() => requireMomentoCurrency('EUR')).toThrow(/Currency must be DOP or USD/);
		expect(requireMomentoAmount('500', 'DOP')).toBe('500.00');
		expect(requireMomentoAmount(12.5, 'USD')).toBe('12.50');
		expect(() => requireMomentoAmount('1.005', 'DOP')).toThrow(/at most 2/);
		expect(() => requireMomentoAmount('-3', 'DOP')).toThrow(/positive decimal/);
	});

	it('normalizes a cédula and checks emails, order IDs and callback URLs', () => {
		expect(requireCedula('001-0000000-1')).toBe('00100000001');
		expect(() => requireCedula('0010000000')).toThrow(/11-digit/);
		expect(requireEmail(' a@b.do ')).toBe('a@b.do');
		expect(() => requireEmail('a@b')).toThrow(/not a valid email/);
		expect(optionalOrderId('')).toBeUndefined();
		expect(optionalOrderId('INV-2024:001')).toBe('INV-2024:001');
		expect(() => optionalOrderId('x'.repeat(65))).toThrow(/1 to 64/);
		expect(optionalCallbackUrl('https://n8n.example.com/webhook/momento?token=a')).toMatch(
			/^https/,
		);
		expect(() => optionalCallbackUrl('n8n.example.com')).toThrow(/http/);
	});

	it('picks the base URL of the environment', () => {
		expect(momentoBaseUrl({ environment: 'sandbox' })).toBe(
			'https://pruebas.elmomento.io/integrations',
		);
		expect(momentoBaseUrl({ environment: 'production' })).toBe(
			'https://api.trade.elmomento.io/integrations',
		);
		expect(
			momentoBaseUrl({ environment: 'custom', baseUrl: ' https://x.do/api/integrations/ ' }),
		).toBe('https://x.do/api/integrations');
	});
});

describe('Momento error bodies', () => {
	it.each([
		[
			{ error: 'VALIDATION_ERROR', message: 'Bad.', details: { amount: ['Too big.'] } },
			{ code: 'VALIDATION_ERROR', message: 'Bad. amount: Too big.' },
		],
		[{ detail: 'Authentication failed.' }, { code: undefined, message: 'Authentication failed.' }],
		[{ error: { code: 'X1', message: 'Nested.' } }, { code: 'X1', message: 'Nested.' }],
		[
			{ orderID: ['This field is required.'] },
			{ code: undefined, message: 'orderID: This field is required.' },
		],
		['plain text', { message: 'plain text' }],
		[
			{ detail: 'Validation error.', errors: { amount: ['Ensure this value is positive.'] } },
			{ code: undefined, message: 'Validation error. amount: Ensure this value is positive.' },
		],
		[
			{ detail: 'Invalid.', request: { id_number: ['Unknown cédula.'] } },
			{ code: undefined, message: 'Invalid. request.id_number: Unknown cédula.' },
		],
		[
			{ message: 'Invalid.', errors: [{ field: 'currency', message: 'Not supported.' }] },
			{ code: undefined, message: 'Invalid. currency: Not supported.' },
		],
		[
			{ error: { code: 'E', message: 'Bad.', details: { orderID: 'Too long.' } } },
			{ code: 'E', message: 'Bad. orderID: Too long.' },
		],
		[['amount is required'], { message: 'amount is required' }],
	])('reads %j', (body, expected) => {
		expect(readMomentoError(body)).toEqual(expected);
	});
});

describe('Momento JSON body', () => {
	it('writes the amount as a JSON number literal digit for digit, nothing else changed', () => {
		const bytes = momentoJsonBody({
			amount: '1250.50',
			orderID: 'A-1',
			request: { amount: '7.10', id_number: '00100000001' },
		});
		expect(bytes.toString('utf8')).toBe(
			'{"amount":1250.50,"orderID":"A-1","request":{"amount":"7.10","id_number":"00100000001"}}',
		);
		expect(momentoJsonBody({ amount: '99999999999999999999.99' }).toString()).toBe(
			'{"amount":99999999999999999999.99}',
		);
		expect(momentoJsonBody({ orderID: 'x' }).toString()).toBe('{"orderID":"x"}');
	});
});

describe('Momento callbacks', () => {
	it('reads orderID, type and status in the common spellings', () => {
		expect(readStatusCallback({ orderID: 'A', type: 'deposit', status: 'COMPLETED' })).toEqual({
			orderID: 'A',
			kind: 'deposit',
			status: 'completed',
		});
		expect(readStatusCallback({ order_id: 7, type: 'withdrawal_order' })).toEqual({
			orderID: '7',
			kind: 'withdrawal',
			status: undefined,
		});
		expect(readStatusCallback({ status: 'x' })).toBeUndefined();
		expect(readStatusCallback('text')).toBeUndefined();
	});

	it('matches the URL token exactly', () => {
		expect(callbackTokenMatches(['abc'], 'abc')).toBe(true);
		expect(callbackTokenMatches(['abc'], 'abcd')).toBe(false);
		expect(callbackTokenMatches(['abc'], undefined)).toBe(false);
		expect(callbackTokenMatches(['x', 'abc'], ['abc'])).toBe(true);
		expect(callbackTokenMatches([''], '')).toBe(false);
	});

	it('remembers the last status per order, bounded to the newest 1000 orders', () => {
		const seen = {};
		remember(seen, 'deposit:A', 'processing');
		expect(isDuplicate(seen, 'deposit:A', 'processing')).toBe(true);
		expect(isDuplicate(seen, 'deposit:A', 'completed')).toBe(false);
		for (let index = 0; index < 1000; index++) remember(seen, `deposit:${index}`, 'pending');
		expect(Object.keys(seen)).toHaveLength(1000);
		expect(isDuplicate(seen, 'deposit:A', 'processing')).toBe(false);
	});
});
