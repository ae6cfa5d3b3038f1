import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): the sender signs
 * `<webhook-id>.<webhook-timestamp>.<raw body>` with HMAC-SHA256, the key being the base64 part of
 * a `whsec_` secret, and sends `webhook-signature: v1,<base64>` (several, space separated, while
 * secrets rotate). Pure functions, so any provider using the scheme can share them (today Monerium:
 * its trigger verifies deliveries, its Webhook > Create operation checks a secret's form).
 */

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** A fresh `whsec_` secret of `byteLength` random bytes (the scheme allows 24 to 64). */
export function generateWebhookSecret(byteLength = 32): string {
	if (!Number.isInteger(byteLength) || byteLength < 24 || byteLength > 64) {
		throw new RangeError('A Standard Webhooks secret has 24 to 64 random bytes');
	}
	return `${WEBHOOK_SECRET_PREFIX}${randomBytes(byteLength).toString('base64')}`;
}

/** The key bytes of a secret, or undefined when it is not `whsec_` + base64 of 24..64 bytes. */
export function webhookSecretKey(secret: string): Buffer | undefined {
	if (typeof secret !== 'string' || !secret.startsWith(WEBHOOK_SECRET_PREFIX)) return undefined;
	const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return undefined;
	const key = Buffer.from(encoded, 'base64');
	return key.length >= 24 && key.length <= 64 ? key : undefined;
}

export function isValidWebhookSecret(secret: string): boolean {
	return webhookSecretKey(secret) !== undefined;
}

function hmac(key: Buffer, id: string, timestamp: string, rawBody: Buffer): Buffer {
	return createHmac('sha256', key).update(`${id}.${timestamp}.`, 'utf8').update(rawBody).digest();
}

/** `v1,<base64 signature>` for one delivery (what a sender puts in `webhook-signature`). */
export function signWebhook(
	secret: string,
	id: string,
	timestamp: number | string,
	rawBody: Buffer | string,
): string {
	const key = webhookSecretKey(secret);
	if (!key) throw new TypeError('Not a Standard Webhooks secret (whsec_ + base64 of 24-64 bytes)');
	const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
	return `v1,${hmac(key, id, String(timestamp), body).toString('base64')}`;
}

export type WebhookVerification =
	| { ok: true; id: string; timestamp: number }
	| {
			ok: false;
			reason:
				| 'missing-headers'
				| 'bad-timestamp'
				| 'stale-timestamp'
				| 'future-timestamp'
				| 'bad-signature'
				| 'bad-secret';
	  };

export interface WebhookVerificationInput {
	secret: string;
	/** Request headers, names in any case. */
	headers: Record<string, string | string[] | undefined>;
	/** The bytes exactly as received: re-serialized JSON would not match the signature. */
	rawBody: Buffer;
	nowSeconds?: number;
	toleranceSeconds?: number;
}

function headerOf(headers: WebhookVerificationInput['headers'], name: string): string | undefined {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
	}
	return undefined;
}

/** Checks one delivery; compares every offered `v1` signature in constant time. */
export function verifyWebhook(input: WebhookVerificationInput): WebhookVerification {
	const key = webhookSecretKey(input.secret);
	if (!key) return { ok: false, reason: 'bad-secret' };
	const id = headerOf(input.headers, 'webhook-id');
	const timestampText = headerOf(input.headers, 'webhook-timestamp');
	const signatures = headerOf(input.headers, 'webhook-signature');
	if (!id || !timestampText || !signatures) return { ok: false, reason: 'missing-headers' };
	if (!/^\d{1,12}$/.test(timestampText.trim())) return { ok: false, reason: 'bad-timestamp' };
	const timestamp = Number(timestampText.trim());
	const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
	const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	if (timestamp < now - tolerance) return { ok: false, reason: 'stale-timestamp' };
	if (timestamp > now + tolerance) return { ok: false, reason: 'future-timestamp' };

	const expected = hmac(key, id, timestampText.trim(), input.rawBody);
	let matched = false;
	for (const entry of signatures.split(' ')) {
		const [version, encoded] = entry.split(',', 2);
		if (version !== 'v1' || !encoded) continue;
		const offered = Buffer.from(encoded, 'base64');
		// Same length first: timingSafeEqual throws otherwise; the length is not secret.
		if (offered.length === expected.length && timingSafeEqual(offered, expected)) matched = true;
	}
	return matched ? { ok: true, id, timestamp } : { ok: false, reason: 'bad-signature' };
}
