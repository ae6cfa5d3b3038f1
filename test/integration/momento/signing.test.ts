import type { IHttpRequestOptions } from 'n8n-workflow';

import { testCredential } from '../../harness/credential-test';
import { loadPackageCredentialTypes } from '../../harness/package-types';
import { momentoNode, useMomentoSandbox } from './momento.fixture';

/** Applies the credential type's own authenticate, as n8n does before any request. */
async function authenticate(secretKey: string, request: IHttpRequestOptions) {
	const type = loadPackageCredentialTypes().get('momentoApi');
	if (typeof type?.authenticate !== 'function') throw new Error('momentoApi has no authenticate');
	return await type.authenticate({ secretKey, environment: 'custom' }, request);
}

/** Sends authenticated options exactly as they are (body bytes and headers), nothing re-encoded. */
async function send(options: IHttpRequestOptions) {
	const response = await fetch(options.url, {
		method: options.method,
		headers: options.headers as Record<string, string>,
		body: options.body as Buffer | undefined,
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('Momento: M-Signature over the exact body bytes', () => {
	const { sandbox, run } = useMomentoSandbox();

	it.each([
		['unicode text', { first_name: 'José Ñandú', last_name: '山田 🚀', email: 'jose@example.com' }],
		['nested objects and arrays', { request: { a: { b: [1, { c: 'd' }] } }, tags: ['x', 'y'] }],
		['numbers of every kind', { amount: 500, rate: 58.9, big: 12345678901234, neg: -1, exp: 1e-7 }],
	])(
		"the credential's authenticate signs a body with %s so the sandbox verifies it",
		async (_c, body) => {
			const signed = await authenticate(sandbox().secretKey, {
				method: 'POST',
				url: `${sandbox().baseUrl}/users/`,
				body,
				headers: { 'content-type': 'text/plain' },
			});
			expect(Buffer.isBuffer(signed.body)).toBe(true);
			expect((signed.body as Buffer).toString('utf8')).toBe(JSON.stringify(body));
			expect(signed.headers).toEqual({
				'Content-Type': 'application/json',
				'M-Signature': expect.stringMatching(/^[0-9a-f]{128}$/),
			});
			const response = await send(signed);
			// The signature is accepted; what follows is the endpoint's own validation (these are not users).
			expect(response.status).toBe(400);
			expect(response.json.error).toBe('VALIDATION_ERROR');
			expect(sandbox().requests.at(-1)?.signatureValid).toBe(true);
		},
	);

	it('signs a pre-serialized string body byte for byte, whitespace included', async () => {
		const text = ' {"first_name": "Zoë",\n "last_name": "Ortiz"} \n';
		const signed = await authenticate(sandbox().secretKey, {
			method: 'POST',
			url: `${sandbox().baseUrl}/users/`,
			body: text,
		});
		await send(signed);
		const received = sandbox().requests.at(-1);
		expect(received?.rawBody.toString('utf8')).toBe(text);
		expect(received?.signatureValid).toBe(true);
	});

	it('signs the empty string for a request without a body, and re-signing is stable', async () => {
		const once = await authenticate(sandbox().secretKey, {
			method: 'GET',
			url: `${sandbox().baseUrl}/withdrawal_banks/`,
		});
		const twice = await authenticate(sandbox().secretKey, {
			...once,
			headers: { ...once.headers },
		});
		expect(twice.headers).toEqual(once.headers);
		expect(once.body).toBeUndefined();
		expect((await send(once)).status).toBe(200);
		expect(sandbox().requests.at(-1)?.rawBody.length).toBe(0);
	});

	it('a body changed after signing is refused with 401 INVALID_SIGNATURE', async () => {
		const signed = await authenticate(sandbox().secretKey, {
			method: 'POST',
			url: `${sandbox().baseUrl}/users/`,
			body: { amount: '1.00' },
		});
		const response = await send({ ...signed, body: Buffer.from('{"amount":"100.00"}') });
		expect(response).toEqual({
			status: 401,
			json: { error: 'INVALID_SIGNATURE', message: expect.any(String) },
		});
	});

	it('the node sends unicode names through n8n and the sandbox verifies the raw bytes', async () => {
		const result = await run({
			nodes: [
				momentoNode('Create User', {
					resource: 'user',
					operation: 'create',
					email: 'maria@example.com',
					idNumber: '00100000001',
					firstName: 'María José',
					lastName: 'Peña 李',
				}),
			],
		});
		expect(result.error).toBeUndefined();
		const [request] = sandbox().requests;
		expect(request.signatureValid).toBe(true);
		expect(request.rawBody.toString('utf8')).toContain('Peña 李');
		expect(sandbox().users()[0].last_name).toBe('Peña 李');
	});

	it('a wrong secret key fails with a 401 that names the signature, never the key', async () => {
		const mistypedValue = 'momento_wrong_secret_1234';
		const result = await run({
			nodes: [momentoNode('Banks', { resource: 'bank', operation: 'getWithdrawalBanks' })],
			credentialOverrides: { secretKey: mistypedValue },
		});
		// Momento's own answer comes through (the transport keeps the body of a final 401).
		expect(result.error?.message).toBe(
			'Momento answered 401 INVALID_SIGNATURE: The M-Signature does not match the request body.',
		);
		expect(sandbox().requests.at(-1)?.signatureValid).toBe(false);
		expect(result.error?.description).toMatch(/Secret Key and the Environment/);
		expect(JSON.stringify(result.run.data)).not.toContain(mistypedValue);
		expect(sandbox().requests.every((r) => r.headers['m-signature'] !== mistypedValue)).toBe(true);
	});

	it('the credential test passes with the right key and fails with a wrong one', async () => {
		const data = { environment: 'custom', baseUrl: `${sandbox().baseUrl}/` };
		await expect(
			testCredential('momentoApi', { ...data, secretKey: sandbox().secretKey }),
		).resolves.toMatchObject({
			status: 'OK',
		});
		await expect(
			testCredential('momentoApi', { ...data, secretKey: 'nope-nope' }),
		).resolves.toMatchObject({
			status: 'Error',
			statusCode: 401,
		});
		expect(sandbox().requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /deposit_orders/',
			'GET /deposit_orders/',
		]);
	});
});
