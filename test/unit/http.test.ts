import {
	backoffDelayMs,
	DEFAULT_RETRY_POLICY,
	isRetryableStatus,
	networkErrorCode,
	parseRetryAfterMs,
	TransportError,
} from '../../nodes/shared/http/send-with-retry';
import { redactSecrets } from '../../nodes/shared/execution/errors';

describe('retry decisions', () => {
	it('retries 429 and 5xx, and only the extra statuses a provider names', () => {
		expect(isRetryableStatus(429, DEFAULT_RETRY_POLICY)).toBe(true);
		expect(isRetryableStatus(503, DEFAULT_RETRY_POLICY)).toBe(true);
		expect(isRetryableStatus(409, DEFAULT_RETRY_POLICY)).toBe(false);
		expect(isRetryableStatus(409, { ...DEFAULT_RETRY_POLICY, extraRetryStatuses: [409] })).toBe(
			true,
		);
		expect(isRetryableStatus(400, DEFAULT_RETRY_POLICY)).toBe(false);
		expect(isRetryableStatus(422, DEFAULT_RETRY_POLICY)).toBe(false);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-26T12:00:00Z');
		expect(parseRetryAfterMs('2', now)).toBe(2000);
		expect(parseRetryAfterMs(['1.5'], now)).toBe(1500);
		expect(parseRetryAfterMs('Thu, 26 Nov 2026 12:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially, prefers Retry-After, and caps the wait', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 100, maxDelayMs: 1000 };
		expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy))).toEqual([
			100, 200, 400, 800, 1000,
		]);
		expect(backoffDelayMs(1, policy, 700)).toBe(700);
		expect(backoffDelayMs(1, policy, 60_000)).toBe(1000);
	});
});

describe('redactSecrets', () => {
	it('removes every occurrence of every secret', () => {
		expect(redactSecrets('Bearer sk_abc123 and sk_abc123', ['sk_abc123'])).toBe(
			'Bearer *** and ***',
		);
		expect(redactSecrets('nothing here', [undefined, ''])).toBe('nothing here');
	});
});

describe('networkErrorCode', () => {
	it('finds a network code in the cause chain, and ignores codes that are not about the network', () => {
		expect(networkErrorCode({ cause: { cause: { code: 'ECONNRESET' } } })).toBe('ECONNRESET');
		expect(networkErrorCode({ code: 'ETIMEDOUT' })).toBe('ETIMEDOUT');
		expect(networkErrorCode({ code: 'EAUTH' })).toBeUndefined();
		expect(networkErrorCode({ cause: { code: 'ESTATUS' } })).toBeUndefined();
		expect(networkErrorCode(new Error('plain'))).toBeUndefined();
	});
});

describe('TransportError', () => {
	it('keeps what n8n threw for the caller, out of its serialized form', () => {
		const thrown = { config: { headers: { Authorization: 'Bearer secret-access-token' } } };
		const error = new TransportError('refresh failed', undefined, 1, thrown);
		expect(error.thrown).toBe(thrown);
		expect(JSON.stringify({ ...error })).not.toContain('secret-access-token');
		expect(Object.keys(error)).not.toContain('thrown');
	});
});
