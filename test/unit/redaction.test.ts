import {
	callbackToken,
	callbackTokenMatches,
	maskCallbackTokens,
	withCallbackToken,
} from '../../nodes/shared/webhooks/callback-token';
import { redactSecrets, redactValue } from '../../nodes/shared/execution/errors';
import { credentialSecrets, findSecrets } from '../harness/secrets';

describe('structural redaction', () => {
	it('never rewrites data by substring for a short numeric secret', () => {
		const body = { amount: 100000, text: '{"amount":100000}', date: '2024-01-02', id: 'x0000y' };
		expect(redactValue(body, ['0000', '2024'])).toEqual(body);
	});

	it('drops pin keys, masks values equal to a secret and long secrets inside strings', () => {
		const token = 'tok_abcdefghijklmnopqrstuvwxyz';
		expect(
			redactValue(
				{ pin: '1234', PIN_CODE: 5, nested: [{ new_pin: 'x', code: '1234' }], url: `a?b=${token}` },
				['1234', token],
			),
		).toEqual({ nested: [{ code: '***' }], url: 'a?b=***' });
	});

	it('in error texts, hides a short secret only as a word of its own', () => {
		expect(redactSecrets('PIN 1234 is incorrect; amount 112345', ['1234'])).toBe(
			'PIN *** is incorrect; amount 112345',
		);
		expect(
			redactValue({ errors: [{ message: 'PIN 9876 is incorrect' }] }, ['9876'], { inText: true }),
		).toEqual({ errors: [{ message: 'PIN *** is incorrect' }] });
	});

	it('masks callback tokens in URLs wherever they appear', () => {
		expect(maskCallbackTokens({ u: 'https://h/w?referenceId=1&token=abc_DEF-1&x=2' })).toEqual({
			u: 'https://h/w?referenceId=1&token=***&x=2',
		});
		expect(redactSecrets('"callback_url":"https://h/w?token=abc"', [])).toBe(
			'"callback_url":"https://h/w?token=***"',
		);
		// MTN MoMo's path form: …/callback/<webhook id>/<product>/<referenceId>/token/<token>
		expect(
			maskCallbackTokens(
				'X-Callback-Url: https://h/webhook/w/callback/w/collection/r/token/abc_DEF-1?a=1',
			),
		).toBe('X-Callback-Url: https://h/webhook/w/callback/w/collection/r/token/***?a=1');
		expect(redactSecrets('"url":"https://h/callback/w/collection/r/token/abc"', [])).toBe(
			'"url":"https://h/callback/w/collection/r/token/***"',
		);
	});
});

describe('callback tokens', () => {
	it('differ per key, provider and payment, and are checked exactly', () => {
		const token = callbackToken('key', 'momento', 'ORDER-1');
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(callbackToken('key', 'momento', 'ORDER-2')).not.toBe(token);
		expect(callbackToken('other', 'momento', 'ORDER-1')).not.toBe(token);
		expect(callbackToken('key', 'mtn-momo', 'ORDER-1')).not.toBe(token);
		expect(callbackTokenMatches([token], token)).toBe(true);
		expect(callbackTokenMatches([token], `${token}x`)).toBe(false);
		expect(
			new URL(withCallbackToken('https://h/w?token=old&a=1', token)).searchParams.get('token'),
		).toBe(token);
	});
});

describe('the secrets sweep itself', () => {
	const secrets = credentialSecrets([
		{
			type: 'demo',
			data: {
				apiKey: 'k'.repeat(32),
				pin: '1234',
				apiUser: 'user',
				sessionTokens: JSON.stringify({ collection: { token: 't'.repeat(40) } }),
				baseUrl: 'http://127.0.0.1:1234',
			},
		},
	]);

	it('finds a long secret anywhere, its Basic form and tokens kept as JSON', () => {
		expect(findSecrets(`x${'k'.repeat(32)}x`, secrets)).toEqual(['demo.apiKey']);
		const basic = Buffer.from(`user:${'k'.repeat(32)}`).toString('base64');
		expect(findSecrets(`Authorization: Basic ${basic}`, secrets)).toContain(
			'demo.Basic(apiUser:apiKey)',
		);
		expect(findSecrets(`Bearer ${'t'.repeat(40)}`, secrets)).toEqual(['demo.sessionTokens(inner)']);
	});

	it('finds a PIN standing alone, not inside other numbers', () => {
		expect(findSecrets('{"pin":"1234"}', secrets)).toEqual(['demo.pin']);
		expect(findSecrets('amount 112345, port :1234, id a-1234-b', secrets)).toEqual([]);
	});
});
