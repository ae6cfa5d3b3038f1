import {
	applyBodySignature,
	hmacHex,
	serializeBody,
	signatureMatches,
} from '../../nodes/Momento/constants';

// Vectors computed independently (Python hmac.new(key, body, hashlib.sha512).hexdigest()).
const KEY = 'momento_test_secret_key';
const BODY = '{"amount":"500.00","name":"Peña"}';
const BODY_HMAC =
	'464448a0e20c75b9135c15a1883f9ef5e73a5c32eef459c3a9535b70182ab155b44e7c5b9b02cab7cf83f0bd308417385541587f02d021d0af5865d0f50e92f9';
const EMPTY_HMAC =
	'817779bed9e7882a472945ed3fcab3eba899386f03bb85104366eb917de6c0e99121090a82483ff202cc6364daf30ad59b4dae968a39ec82739b86f335b96ccf';

const options = {
	secret: KEY,
	algorithm: 'sha512' as const,
	signatureHeader: 'M-Signature',
	contentType: 'application/json',
};

describe('body signature (HMAC over the exact bytes)', () => {
	it('computes lowercase hex HMAC-SHA512 over UTF-8 bytes, and of the empty string', () => {
		expect(hmacHex('sha512', KEY, Buffer.from(BODY, 'utf8'))).toBe(BODY_HMAC);
		expect(hmacHex('sha512', KEY, '')).toBe(EMPTY_HMAC);
	});

	it('serializes once: objects to compact JSON, strings and buffers untouched, nothing to empty', () => {
		expect(serializeBody({ amount: '500.00', name: 'Peña' }).toString('utf8')).toBe(BODY);
		expect(serializeBody(' {"a":1}\n').toString('utf8')).toBe(' {"a":1}\n');
		const bytes = Buffer.from([0x7b, 0x7d]);
		expect(serializeBody(bytes)).toBe(bytes);
		expect(serializeBody(undefined).length).toBe(0);
		expect(serializeBody(null).length).toBe(0);
	});

	it('puts the signed bytes on the request as a Buffer with the signature and JSON content type', () => {
		const signed = applyBodySignature(
			{
				body: { amount: '500.00', name: 'Peña' },
				headers: { 'content-type': 'text/plain', 'm-signature': 'old', Accept: 'application/json' },
			},
			options,
		);
		expect(signed.body?.toString('utf8')).toBe(BODY);
		expect(signed.headers).toEqual({
			Accept: 'application/json',
			'Content-Type': 'application/json',
			'M-Signature': BODY_HMAC,
		});
	});

	it('signs the empty string and sends no body when there is none', () => {
		const signed = applyBodySignature({ headers: {} }, options);
		expect(signed.body).toBeUndefined();
		expect('body' in signed).toBe(false);
		expect(signed.headers).toMatchObject({ 'M-Signature': EMPTY_HMAC });
	});

	it('is stable when applied again (n8n re-authenticates after a 401)', () => {
		const once = applyBodySignature({ body: { a: [1, { b: 'ü' }] }, headers: {} }, options);
		const twice = applyBodySignature({ body: once.body, headers: { ...once.headers } }, options);
		expect(twice.body).toEqual(once.body);
		expect(twice.headers).toEqual(once.headers);
	});

	it('refuses a form body instead of signing nothing', () => {
		expect(() => applyBodySignature({ body: new URLSearchParams('a=1') }, options)).toThrow(
			/cannot be signed as JSON/,
		);
	});

	it('compares signatures in constant time and rejects anything malformed', () => {
		expect(signatureMatches(BODY_HMAC, BODY_HMAC.toUpperCase())).toBe(true);
		expect(signatureMatches(BODY_HMAC, EMPTY_HMAC)).toBe(false);
		expect(signatureMatches(BODY_HMAC, BODY_HMAC.slice(0, 64))).toBe(false);
		expect(signatureMatches(BODY_HMAC, 'zz')).toBe(false);
		expect(signatureMatches(BODY_HMAC, undefined)).toBe(false);
	});
});
