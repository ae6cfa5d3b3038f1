/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

import { startMomentoSandbox, type MomentoSandbox } from './index';

describe('Momento sandbox: what it enforces', () => {
	let sandbox: MomentoSandbox;
	beforeAll(async () => {
		sandbox = await startMomentoSandbox();
	});
	afterEach(() => sandbox.reset());
	afterAll(async () => await sandbox.close());

	const sign = (raw: string, key = sandbox.secretKey) =>
		createHmac('sha512', key).update(raw, 'utf8').digest('hex');

	async function call(
		method: string,
		path: string,
		options: { raw?: string; headers?: Record<string, string | undefined> } = {},
	) {
		const raw = options.raw ?? '';
		const merged: Record<string, string | undefined> = {
			'content-type': 'application/json',
			'm-signature': sign(raw),
			...options.headers,
		};
		const headers = Object.fromEntries(
			Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
		);
		const response = await fetch(`${sandbox.baseUrl}${path}`, {
			method,
			headers,
			body: method === 'GET' ? undefined : raw,
		});
		return {
			status: response.status,
			headers: response.headers,
			json: (await response.json()) as Record<string, unknown>,
		};
	}

	const deposit = (overrides: Record<string, unknown> = {}) =>
		JSON.stringify({
			amount: 500,
			orderID: 'Somerandomstring',
			currency: 'DOP',
			callback_url: 'https://google.com',
			request: { email: 'ceterasddsare@hotmail.com', id_number: '00100000001' },
			...overrides,
		});

	it("accepts the document's own example body (amount as a JSON number) and stores 500.00", async () => {
		const response = await call('POST', '/deposit_orders/', { raw: deposit() });
		expect(response.status).toBe(201);
		expect(response.json).toMatchObject({ amount: '500.00', status: 'pending' });
	});

	it('401 without a signature, with a wrong one, or with one of different bytes', async () => {
		const raw = deposit();
		expect(
			(await call('POST', '/deposit_orders/', { raw, headers: { 'm-signature': undefined } })).json
				.error,
		).toBe('MISSING_SIGNATURE');
		expect(
			(
				await call('POST', '/deposit_orders/', {
					raw,
					headers: { 'm-signature': sign(raw, 'other') },
				})
			).status,
		).toBe(401);
		// Same JSON, different bytes (a space): the signature of the compact form does not match.
		const spaced = raw.replace('"amount":500', '"amount": 500');
		const response = await call('POST', '/deposit_orders/', {
			raw: spaced,
			headers: { 'm-signature': sign(raw) },
		});
		expect(response.json.error).toBe('INVALID_SIGNATURE');
		expect(sandbox.stats.rejectedSignatures).toBe(3);
		expect(sandbox.deposits()).toHaveLength(0);
	});

	it('public endpoints also need the signature ("Every API request requires an M-Signature")', async () => {
		expect(
			(await call('GET', '/usd_quotes/', { headers: { 'm-signature': undefined } })).json.error,
		).toBe('MISSING_SIGNATURE');
		expect(
			(await call('GET', '/onboarding_bank_accounts/', { headers: { 'm-signature': undefined } }))
				.status,
		).toBe(401);
		expect((await call('GET', '/usd_quotes/')).status).toBe(200);
		expect(
			(await call('GET', '/usd_quotes/', { headers: { 'm-signature': 'ab'.repeat(64) } })).status,
		).toBe(401);
		expect(
			(await call('GET', '/withdrawal_banks/', { headers: { 'm-signature': undefined } })).status,
		).toBe(401);
	});

	it('415 without application/json, 400 on invalid JSON, 400 with field details', async () => {
		expect(
			(await call('GET', '/withdrawal_banks/', { headers: { 'content-type': undefined } })).status,
		).toBe(415);
		expect((await call('POST', '/deposit_orders/', { raw: '{"amount":' })).json.error).toBe(
			'INVALID_JSON',
		);
		const invalid = await call('POST', '/withdrawal_orders/', {
			raw: deposit({ amount: 1.234, currency: 'EUR', request: { email: 'x', id_number: '1' } }),
		});
		expect(invalid.status).toBe(400);
		expect(invalid.json.details).toEqual({
			amount: ['Must be a positive number with at most 2 decimals.'],
			'request.email': ['Enter a valid email.'],
			'request.bank_code': ['This field is required.'],
			'request.account_number': ['This field is required.'],
			'request.account_type': ['This field is required.'],
		});
	});

	it('refuses a quoted amount (the document sends a JSON number) and accepts free-form ids', async () => {
		const quoted = await call('POST', '/deposit_orders/', { raw: deposit({ amount: '500.00' }) });
		expect(quoted.status).toBe(400);
		expect(quoted.json.details).toEqual({ amount: ['A valid number is required.'] });
		const free = await call('POST', '/deposit_orders/', {
			raw: deposit({ orderID: 'pedido #7 / mayo', request: { email: 'a@b.co', id_number: 'P-123' } }),
		});
		expect(free.status).toBe(201);
	});

	it('by default a repeated orderID creates another order (the document promises no deduplication)', async () => {
		const first = await call('POST', '/deposit_orders/', { raw: deposit() });
		const again = await call('POST', '/deposit_orders/', { raw: deposit() });
		expect([first.status, again.status]).toEqual([201, 201]);
		expect(again.json.id).not.toBe(first.json.id);
		expect(sandbox.stats.depositsCreated).toBe(2);
		const found = await call('GET', '/deposit_orders/?orderID=Somerandomstring');
		expect(found.json).toMatchObject({ count: 2 });
	});

	it('after-processing faults store the order, then drop the connection or answer 500', async () => {
		sandbox.injectFault({ kind: 'drop-after-processing', method: 'POST' });
		await expect(call('POST', '/deposit_orders/', { raw: deposit() })).rejects.toThrow();
		sandbox.injectFault({ kind: 'status-500-after-processing', method: 'POST' });
		const failed = await call('POST', '/deposit_orders/', { raw: deposit({ orderID: 'B' }) });
		expect(failed).toMatchObject({ status: 500, json: { error: 'INTERNAL_ERROR' } });
		expect(sandbox.deposits().map((order) => order.orderID)).toEqual(['Somerandomstring', 'B']);
	});

	it('with the orderID filter ignored, every order is listed', async () => {
		sandbox.setOrderIdFilter('ignored');
		await call('POST', '/deposit_orders/', { raw: deposit({ orderID: 'A' }) });
		await call('POST', '/deposit_orders/', { raw: deposit({ orderID: 'B' }) });
		const listed = await call('GET', '/deposit_orders/?orderID=A');
		expect(listed.json).toMatchObject({ count: 2 });
	});

	it('409 on a repeated orderID when deduplicating; orders are found by orderID filter', async () => {
		sandbox.setDeduplicateOrderIds(true);
		await call('POST', '/deposit_orders/', { raw: deposit() });
		const again = await call('POST', '/deposit_orders/', { raw: deposit() });
		expect(again).toMatchObject({ status: 409, json: { error: 'DUPLICATE_ORDER' } });
		const found = await call('GET', '/deposit_orders/?orderID=Somerandomstring');
		expect(found.json).toMatchObject({
			count: 1,
			next: null,
			results: [{ orderID: 'Somerandomstring' }],
		});
	});

	it('enforces a configurable rate limit with 429 and Retry-After', async () => {
		sandbox.setRateLimit({ limit: 2, windowMs: 60_000 });
		await call('GET', '/usd_quotes/');
		await call('GET', '/usd_quotes/');
		const limited = await call('GET', '/usd_quotes/');
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
		expect(limited.json).toEqual({
			error: 'RATE_LIMIT_EXCEEDED',
			message: 'Rate limit of 2 requests per 60000 ms exceeded.',
		});
	});

	it('moves orders through their states and posts the callback to callback_url', async () => {
		const received: string[] = [];
		const server = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += String(chunk)));
			req.on('end', () => {
				received.push(body);
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as { port: number }).port;
		try {
			await call('POST', '/deposit_orders/', {
				raw: deposit({ callback_url: `http://127.0.0.1:${port}/cb` }),
			});
			const delivery = await sandbox.setOrderStatus('deposit', 'Somerandomstring', 'processing');
			expect(delivery.responseStatus).toBe(200);
			expect(JSON.parse(received[0])).toMatchObject({
				type: 'deposit',
				orderID: 'Somerandomstring',
				status: 'processing',
			});
			await expect(
				sandbox.setOrderStatus('deposit', 'Somerandomstring', 'cancelled'),
			).rejects.toThrow(/cannot become/);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});
});
