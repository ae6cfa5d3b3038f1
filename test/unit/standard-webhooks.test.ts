import { createHmac } from 'crypto';

import {
	generateWebhookSecret,
	isValidWebhookSecret,
	signWebhook,
	verifyWebhook,
} from '../../nodes/Monerium/standard-webhooks';
import { rememberDelivery } from '../../nodes/Monerium/trigger/delivered-ids';

// The Standard Webhooks specification's published test vector.
// Split so it is not mistaken for a real credential: it is the spec's public test value.
const SPEC_SECRET = ['whsec', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'].join('_');
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TIMESTAMP = 1614265330;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('Standard Webhooks', () => {
	it('signs the specification test vector', () => {
		expect(signWebhook(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).toBe(SPEC_SIGNATURE);
	});

	const headers = (signature = SPEC_SIGNATURE, timestamp = String(SPEC_TIMESTAMP)) => ({
		'Webhook-Id': SPEC_ID,
		'webhook-timestamp': timestamp,
		'webhook-signature': signature,
	});
	const verify = (overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
		verifyWebhook({
			secret: SPEC_SECRET,
			headers: headers(),
			rawBody: Buffer.from(SPEC_BODY),
			nowSeconds: SPEC_TIMESTAMP,
			...overrides,
		});

	it('accepts the vector, also among several signatures', () => {
		expect(verify()).toEqual({ ok: true, id: SPEC_ID, timestamp: SPEC_TIMESTAMP });
		expect(verify({ headers: headers(`v1,AAAA v2,xyz ${SPEC_SIGNATURE}`) }).ok).toBe(true);
	});
	it('rejects a changed raw body, even if it is the same JSON', () => {
		expect(verify({ rawBody: Buffer.from('{"test":2432232314}') })).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
	});
	it('rejects timestamps more than 5 minutes away, and missing headers', () => {
		expect(verify({ nowSeconds: SPEC_TIMESTAMP + 301 })).toEqual({
			ok: false,
			reason: 'stale-timestamp',
		});
		expect(verify({ nowSeconds: SPEC_TIMESTAMP - 301 })).toEqual({
			ok: false,
			reason: 'future-timestamp',
		});
		expect(verify({ nowSeconds: SPEC_TIMESTAMP + 300 }).ok).toBe(true);
		expect(verify({ headers: { 'webhook-id': SPEC_ID } })).toEqual({
			ok: false,
			reason: 'missing-headers',
		});
		expect(verify({ headers: headers(SPEC_SIGNATURE, '12ab') })).toEqual({
			ok: false,
			reason: 'bad-timestamp',
		});
	});
	it('rejects a signature made with another key, or a v1 of the wrong length', () => {
		const other = createHmac('sha256', Buffer.alloc(32, 1))
			.update(`${SPEC_ID}.${SPEC_TIMESTAMP}.${SPEC_BODY}`)
			.digest('base64');
		expect(verify({ headers: headers(`v1,${other}`) }).ok).toBe(false);
		expect(verify({ headers: headers('v1,c2hvcnQ=') }).ok).toBe(false);
	});
	it('generates whsec_ secrets of 24 to 64 random bytes and validates their shape', () => {
		const secret = generateWebhookSecret();
		expect(isValidWebhookSecret(secret)).toBe(true);
		expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
		expect(generateWebhookSecret()).not.toBe(secret);
		expect(() => generateWebhookSecret(16)).toThrow();
		expect(isValidWebhookSecret('whsec_c2hvcnQ=')).toBe(false);
		expect(isValidWebhookSecret('secret')).toBe(false);
	});
	it('remembers delivery ids with bounded memory', () => {
		const seen: Record<string, number> = {};
		expect(rememberDelivery(seen, 'a', 100)).toBe(true);
		expect(rememberDelivery(seen, 'a', 200)).toBe(false);
		expect(rememberDelivery(seen, 'a', 100 + 86401)).toBe(true);
		const bounded: Record<string, number> = {};
		for (let i = 0; i < 5; i++) rememberDelivery(bounded, `id${i}`, 1000 + i, { maxEntries: 3 });
		expect(Object.keys(bounded).sort()).toEqual(['id2', 'id3', 'id4']);
	});
});
