/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { sleep } from 'n8n-workflow';

import { MOMO_SEED, startMomoSandbox, TEST_MSISDNS, type MomoSandbox } from './index';

const basic = (user: string, key: string) =>
	`Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

describe('MoMo sandbox enforces the Open API', () => {
	let sandbox: MomoSandbox;
	beforeAll(async () => {
		sandbox = await startMomoSandbox({ tokenTtlMs: 150, settleAfterMs: 20 });
	});
	afterEach(() => sandbox.reset());
	afterAll(async () => await sandbox.close());

	const call = async (
		method: string,
		path: string,
		headers: Record<string, string> = {},
		body?: unknown,
	) => {
		const response = await fetch(`${sandbox.rootUrl}${path}`, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return {
			status: response.status,
			body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
		};
	};
	const token = async (product: 'collection' | 'disbursement' = 'collection') => {
		const answer = await call('POST', `/${product}/token/`, {
			Authorization: basic(MOMO_SEED.apiUser, MOMO_SEED.apiKey),
			'Ocp-Apim-Subscription-Key': sandbox.subscriptionKeys[product],
		});
		return answer.body?.access_token as string;
	};
	const api = async (bearer: string, extra: Record<string, string> = {}) => ({
		Authorization: `Bearer ${bearer}`,
		'Ocp-Apim-Subscription-Key': sandbox.subscriptionKeys.collection,
		'X-Target-Environment': 'sandbox',
		...extra,
	});
	const pay = (msisdn: string) => ({
		amount: '5',
		currency: 'EUR',
		externalId: 'e1',
		payer: { partyIdType: 'MSISDN', partyId: msisdn },
	});

	it('token: subscription key and Basic credentials are checked, and requests are counted', async () => {
		expect(
			(
				await call('POST', '/collection/token/', {
					Authorization: basic(MOMO_SEED.apiUser, MOMO_SEED.apiKey),
				})
			).status,
		).toBe(401);
		const wrong = await call('POST', '/collection/token/', {
			Authorization: basic(MOMO_SEED.apiUser, 'nope'),
			'Ocp-Apim-Subscription-Key': sandbox.subscriptionKeys.collection,
		});
		expect(wrong).toEqual({ status: 401, body: { error: 'login_failed' } });
		expect(await token()).toEqual(expect.any(String));
		expect(sandbox.stats.tokenRequests.collection).toBe(3);
	});

	it('bearer tokens are per product and expire', async () => {
		const collectionToken = await token();
		expect(
			(await call('GET', '/collection/v1_0/account/balance', await api(collectionToken))).status,
		).toBe(200);
		const crossProduct = await call('GET', '/disbursement/v1_0/account/balance', {
			...(await api(collectionToken)),
			'Ocp-Apim-Subscription-Key': sandbox.subscriptionKeys.disbursement,
		});
		expect(crossProduct.status).toBe(401);
		await sleep(170);
		expect(
			(await call('GET', '/collection/v1_0/account/balance', await api(collectionToken))).status,
		).toBe(401);
	});

	it('X-Target-Environment must be sandbox', async () => {
		const answer = await call(
			'GET',
			'/collection/v1_0/account/balance',
			await api(await token(), { 'X-Target-Environment': 'mtnuganda' }),
		);
		expect(answer).toMatchObject({ status: 403, body: { code: 'NOT_ALLOWED_TARGET_ENVIRONMENT' } });
	});

	it('requesttopay: UUID v4 reference, 202, 409 on a duplicate, validation of the body', async () => {
		const headers = await api(await token());
		const bad = await call(
			'POST',
			'/collection/v1_0/requesttopay',
			{ ...headers, 'X-Reference-Id': 'not-a-uuid' },
			pay('46733123459'),
		);
		expect(bad.body).toMatchObject({ code: 'INVALID_REFERENCE_ID' });
		const referenceId = randomUUID();
		const withRef = { ...headers, 'X-Reference-Id': referenceId };
		expect(
			(await call('POST', '/collection/v1_0/requesttopay', withRef, pay('46733123459'))).status,
		).toBe(202);
		const again = await call('POST', '/collection/v1_0/requesttopay', withRef, pay('46733123459'));
		expect(again).toMatchObject({ status: 409, body: { code: 'RESOURCE_ALREADY_EXIST' } });
		const plus = await call(
			'POST',
			'/collection/v1_0/requesttopay',
			{ ...headers, 'X-Reference-Id': randomUUID() },
			pay('+46733123459'),
		);
		expect(plus.body).toMatchObject({ code: 'INVALID_PARTY' });
		const number = await call(
			'POST',
			'/collection/v1_0/requesttopay',
			{ ...headers, 'X-Reference-Id': randomUUID() },
			{ ...pay('46733123459'), amount: 5 },
		);
		expect(number.body).toMatchObject({ code: 'INVALID_AMOUNT' });
		const usd = await call(
			'POST',
			'/collection/v1_0/requesttopay',
			{ ...headers, 'X-Reference-Id': randomUUID() },
			{ ...pay('46733123459'), currency: 'USD' },
		);
		expect(usd).toMatchObject({ status: 500, body: { code: 'INVALID_CURRENCY' } });
		const host = await call(
			'POST',
			'/collection/v1_0/requesttopay',
			{ ...headers, 'X-Reference-Id': randomUUID(), 'X-Callback-Url': 'https://evil.example/cb' },
			pay('46733123459'),
		);
		expect(host.body).toMatchObject({ code: 'INVALID_CALLBACK_URL_HOST' });
		expect(sandbox.stats.requestsToPay).toBe(1);
	});

	it.each([
		[TEST_MSISDNS.success, 'SUCCESSFUL', undefined],
		[TEST_MSISDNS.failed, 'FAILED', 'INTERNAL_PROCESSING_ERROR'],
		[TEST_MSISDNS.rejected, 'FAILED', 'APPROVAL_REJECTED'],
		[TEST_MSISDNS.timeout, 'FAILED', 'EXPIRED'],
		[TEST_MSISDNS.ongoing, 'PENDING', undefined],
		[TEST_MSISDNS.notFound, 'FAILED', 'PAYER_NOT_FOUND'],
	])('state machine: %s goes from PENDING to %s (%s)', async (msisdn, status, reason) => {
		const headers = await api(await token());
		const referenceId = randomUUID();
		await call(
			'POST',
			'/collection/v1_0/requesttopay',
			{ ...headers, 'X-Reference-Id': referenceId },
			pay(msisdn),
		);
		expect(
			(await call('GET', `/collection/v1_0/requesttopay/${referenceId}`, headers)).body,
		).toMatchObject({ status: 'PENDING' });
		await sleep(40);
		const settled = await call('GET', `/collection/v1_0/requesttopay/${referenceId}`, headers);
		expect(settled.body?.status).toBe(status);
		expect(settled.body?.reason).toBe(reason);
	});

	it('provisioning: create user (409 on repeat), create key, get user; the new user gets a token', async () => {
		const key = { 'Ocp-Apim-Subscription-Key': sandbox.subscriptionKeys.collection };
		const id = randomUUID();
		expect(
			(
				await call(
					'POST',
					'/v1_0/apiuser',
					{ ...key, 'X-Reference-Id': id },
					{ providerCallbackHost: 'example.com' },
				)
			).status,
		).toBe(201);
		expect(
			(
				await call(
					'POST',
					'/v1_0/apiuser',
					{ ...key, 'X-Reference-Id': id },
					{ providerCallbackHost: 'example.com' },
				)
			).status,
		).toBe(409);
		const created = await call('POST', `/v1_0/apiuser/${id}/apikey`, key);
		expect(created.status).toBe(201);
		expect((await call('GET', `/v1_0/apiuser/${id}`, key)).body).toEqual({
			providerCallbackHost: 'example.com',
			targetEnvironment: 'sandbox',
		});
		const issued = await call('POST', '/collection/token/', {
			...key,
			Authorization: basic(id, created.body?.apiKey as string),
		});
		expect(issued.status).toBe(200);
		expect(
			(
				await call(
					'POST',
					'/v1_0/apiuser',
					{ 'X-Reference-Id': randomUUID() },
					{ providerCallbackHost: 'x' },
				)
			).status,
		).toBe(401);
	});

	it('faults: 429 with Retry-After before processing; 500 and a dropped connection after processing', async () => {
		const headers = await api(await token());
		const send = async () =>
			await fetch(`${sandbox.rootUrl}/collection/v1_0/requesttopay`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers, 'X-Reference-Id': randomUUID() },
				body: JSON.stringify(pay('46733123459')),
			});
		sandbox.injectFault({ kind: 'status-429', method: 'POST', retryAfterSeconds: 2 });
		const limited = await send();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('2');
		expect(sandbox.stats.requestsToPay).toBe(0);
		sandbox.injectFault({ kind: 'status-500-after-processing', method: 'POST' });
		expect((await send()).status).toBe(500);
		expect(sandbox.stats.requestsToPay).toBe(1);
		sandbox.injectFault({ kind: 'drop-after-processing', method: 'POST' });
		await expect(send()).rejects.toThrow();
		expect(sandbox.stats.requestsToPay).toBe(2);
	});

	it("repeatedReference 'accept': a repeated X-Reference-Id is executed again, its status shows the first", async () => {
		const conflicting = sandbox;
		sandbox = await startMomoSandbox({ repeatedReference: 'accept' });
		try {
			const headers = { ...(await api(await token())), 'X-Reference-Id': randomUUID() };
			const path = '/collection/v1_0/requesttopay';
			expect((await call('POST', path, headers, pay('46733123459'))).status).toBe(202);
			expect(
				(await call('POST', path, headers, { ...pay('46733123459'), amount: '7' })).status,
			).toBe(202);
			expect(sandbox.payments('collection')).toHaveLength(2);
			const status = await call('GET', `${path}/${headers['X-Reference-Id']}`, headers);
			expect(status.body).toMatchObject({ amount: '5' });
		} finally {
			await sandbox.close();
			sandbox = conflicting;
		}
	});

	it("callbackQuery 'drop' calls back X-Callback-Url without its query string; setCallbackQuery switches it", async () => {
		const receiver = createServer((req, res) => {
			req.resume();
			req.on('end', () => res.writeHead(200).end());
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cb/path?ref=1&token=t`;
		const requestPay = async () => {
			const headers = { ...(await api(await token())), 'X-Reference-Id': randomUUID() };
			const headersWithCallback = { ...headers, 'X-Callback-Url': callbackUrl };
			const path = '/collection/v1_0/requesttopay';
			expect((await call('POST', path, headersWithCallback, pay('46733123459'))).status).toBe(202);
			await sleep(40);
			await sandbox.flushCallbacks();
			return sandbox.callbacks.at(-1);
		};
		try {
			expect(await requestPay()).toMatchObject({ url: callbackUrl, statusCode: 200 });
			sandbox.setCallbackQuery('drop');
			const dropped = await requestPay();
			expect(dropped).toMatchObject({ statusCode: 200 });
			expect(dropped?.url).toBe(callbackUrl.replace(/\?.*$/, ''));
			// reset() restores the option the sandbox was started with.
			sandbox.reset();
			expect((await requestPay())?.url).toBe(callbackUrl);
			// Held callbacks wait for the release and the next flush.
			sandbox.holdCallbacks(true);
			const before = sandbox.callbacks.length;
			await requestPay();
			expect(sandbox.callbacks).toHaveLength(before);
			sandbox.holdCallbacks(false);
			await sandbox.flushCallbacks();
			expect(sandbox.callbacks).toHaveLength(before + 1);
		} finally {
			await new Promise<void>((resolve) => receiver.close(() => resolve()));
		}
	});
});
