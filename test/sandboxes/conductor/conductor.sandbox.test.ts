import { startConductorSandbox, type ConductorSandbox } from './index';
import {
	BILL_INACTIVE,
	BILL_NG,
	BILL_SUBS,
	BILL_TVOD,
	conductorClient,
	expectError,
	txBody,
	type ConductorCall,
} from './test-client';

let sandbox: ConductorSandbox;
let call: ConductorCall;

beforeAll(async () => {
	sandbox = await startConductorSandbox();
	call = conductorClient(sandbox);
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

describe('sandbox basics', () => {
	it('listens on 127.0.0.1 with an ephemeral port', () => {
		expect(sandbox.rootUrl).toBe(`http://127.0.0.1:${sandbox.port}`);
		expect(sandbox.baseUrl).toBe(`${sandbox.rootUrl}/conductor/v1`);
		expect(sandbox.port).toBeGreaterThan(0);
	});

	it('answers the healthcheck (POST and GET) at the root', async () => {
		const post = await call('POST', '/healthcheck', { root: true });
		expect(post.status).toBe(200);
		expect(post.json).toEqual({
			status: { code: 200, type: 'SUCCESS', detail: 'Conductor is up' },
		});
		expect((await call('GET', '/healthcheck', { root: true })).status).toBe(200);
	});

	it('records every request with lower-cased headers', async () => {
		await call('POST', '/accounts/enquiry', {
			body: { biller_code: 'za_dstv', identifier: '8604275423086' },
			headers: { 'X-Custom': 'yes' },
		});
		expect(sandbox.requests).toHaveLength(1);
		const [record] = sandbox.requests;
		expect(record.method).toBe('POST');
		expect(record.path).toBe('/conductor/v1/accounts/enquiry');
		expect(record.headers['x-custom']).toBe('yes');
		expect(record.headers.authorization).toBe(`Bearer ${sandbox.secretKey}`);
		expect(record.body).toEqual({ biller_code: 'za_dstv', identifier: '8604275423086' });
	});

	it('404s unknown routes and unknown ids', async () => {
		await expectError(call('GET', '/nope'), 404, 'NOT_FOUND');
		await expectError(call('GET', '/transactions/does-not-exist'), 404, 'NOT_FOUND');
		await expectError(call('GET', '/partners/transactions/nope'), 404, 'NOT_FOUND');
		await expectError(call('GET', '/orders/order_nope'), 404, 'NOT_FOUND');
	});
});

describe('authentication and headers', () => {
	it.each([
		['no header', undefined],
		['wrong key', 'Bearer sk_wrong'],
		['lower-case scheme', 'bearer sk_test_conductor_sandbox'],
		['no scheme', 'sk_test_conductor_sandbox'],
		['not an sk_ key', 'Bearer pk_test_conductor_sandbox'],
	])('401 with %s, without echoing the key', async (_name, authorization) => {
		const result = await expectError(
			call('POST', '/healthcheck', { root: true, headers: { authorization } }),
			401,
			'UNAUTHORIZED',
		);
		expect(result.json.status.detail).toBe('No valid Secret Key provided.');
		expect(result.text).not.toContain('sk_');
	});

	it('requires a known Retailer-Id where the document marks it required', async () => {
		const body = { biller_code: 'za_dstv', identifier: '8604275423086' };
		const missing = await expectError(
			call('POST', '/accounts/enquiry', { body, headers: { 'retailer-id': undefined } }),
			400,
			'BAD_REQUEST',
		);
		expect(missing.json.status.detail).toMatch(/Retailer-Id.*missing/);
		const unknown = await expectError(
			call('POST', '/transactions', { body: txBody(), headers: { 'retailer-id': 'RETAILER-999' } }),
			400,
			'BAD_REQUEST',
		);
		expect(unknown.json.status.detail).toMatch(/Retailer-Id/);
		await expectError(
			call('POST', '/partners/transactions', { body: {}, headers: { 'retailer-id': undefined } }),
			400,
			'BAD_REQUEST',
		);
		expect(sandbox.stats.transactionsCreated).toBe(0);
	});

	it('rejects bad JSON, a wrong Content-Type and unknown fields', async () => {
		await expectError(call('POST', '/transactions', { rawBody: '{"a":' }), 400, 'BAD_REQUEST');
		await expectError(
			call('POST', '/transactions', {
				rawBody: JSON.stringify(txBody()),
				headers: { 'content-type': 'text/plain' },
			}),
			400,
			'BAD_REQUEST',
		);
		const unknown = await expectError(
			call('POST', '/transactions', { body: txBody({ externalReference: 'x' }) }),
			400,
			'BAD_REQUEST',
		);
		expect(unknown.json.status.detail).toContain('externalReference');
	});
});

describe('account enquiry', () => {
	it('returns the za_dstv account for a search identifier, filtered by reference', async () => {
		const result = await call('POST', '/accounts/enquiry', {
			body: { biller_code: 'za_dstv', identifier: '8604275423086', reference: 'SUBS' },
		});
		expect(result.status).toBe(200);
		expect(result.json.status).toMatchObject({ code: 200, type: 'SUCCESS' });
		expect(result.json.data).toMatchObject({
			external_id: '8604275423086',
			customer: { name: 'Thabo Mokoena' },
			biller: { code: 'za_dstv', name: 'DStv South Africa' },
			amount_due: { currency: 'ZAR', value: '929.00' },
			bills: [{ id: BILL_SUBS, amount: { currency: 'ZAR', value: '929.00' } }],
		});
		const all = await call('POST', '/accounts/enquiry', {
			body: { biller_code: 'za_dstv', identifier: '1234567890' },
		});
		expect(all.json.data?.amount_due).toEqual({ currency: 'ZAR', value: '988.99' });
	});

	it('accepts ng_dstv identifiers only as { customer_number } or { smart_card_number }', async () => {
		for (const identifier of [
			{ customer_number: '1234567890' },
			{ smart_card_number: '987654321237' },
		]) {
			const result = await call('POST', '/accounts/enquiry', {
				body: { biller_code: 'ng_dstv', identifier },
			});
			expect(result.status).toBe(200);
			expect(result.json.data?.bills).toEqual([expect.objectContaining({ id: BILL_NG })]);
		}
		for (const identifier of ['1234567890', { customer_number: '000' }, { foo: '1234567890' }]) {
			await expectError(
				call('POST', '/accounts/enquiry', { body: { biller_code: 'ng_dstv', identifier } }),
				400,
				'INVALID_IDENTIFIER',
			);
		}
	});

	it.each([
		[{ biller_code: 'xx_nope', identifier: '8604275423086' }, 'INVALID_BILLER_CODE'],
		[{ identifier: '8604275423086' }, 'INVALID_BILLER_CODE'],
		[{ biller_code: 'ke_gotv', identifier: '5550001111' }, 'INACTIVE_BILLER_CODE'],
		[{ biller_code: 'za_dstv', identifier: '0000000000' }, 'INVALID_IDENTIFIER'],
		[
			{ biller_code: 'za_dstv', identifier: { customer_number: '1234567890' } },
			'INVALID_IDENTIFIER',
		],
		[
			{ biller_code: 'za_dstv', identifier: '8604275423086', reference: 'NOPE' },
			'INVALID_REFERENCE',
		],
	])('%j -> %s', async (body, type) => {
		const result = await expectError(call('POST', '/accounts/enquiry', { body }), 400, type);
		expect(result.json.status.detail).toEqual(expect.any(String));
	});
});

describe('transactions', () => {
	it.each([
		[{ items: [{ id: BILL_SUBS, amount: { currency: 'ZAR', value: 20 } }] }, 'INVALID_AMOUNT'],
		[{ items: [{ id: BILL_SUBS, amount: { currency: 'ZAR', value: '-5' } }] }, 'INVALID_AMOUNT'],
		[{ items: [{ id: BILL_SUBS, amount: { currency: 'ZAR', value: '0.00' } }] }, 'INVALID_AMOUNT'],
		[{ items: [{ id: BILL_SUBS, amount: { currency: 'ZAR', value: '1.234' } }] }, 'INVALID_AMOUNT'],
		[{ items: [{ id: BILL_SUBS, amount: { currency: 'ZZZ', value: '1' } }] }, 'INVALID_CURRENCY'],
		[{ items: [{ id: BILL_SUBS, amount: { currency: 'zar', value: '1' } }] }, 'INVALID_CURRENCY'],
		[{ items: [{ id: BILL_SUBS, amount: { currency: 'NGN', value: '1' } }] }, 'INVALID_ITEMS'],
		[{ items: [{ id: 'bill_nope', amount: { currency: 'ZAR', value: '1' } }] }, 'INVALID_ITEMS'],
		[{ items: [] }, 'INVALID_ITEMS'],
		[{ items: undefined }, 'INVALID_ITEMS'],
		[
			{ items: [{ id: BILL_INACTIVE, amount: { currency: 'KES', value: '1' } }] },
			'INACTIVE_BILLER_CODE',
		],
		[{ amount: { currency: 'ZAR', value: '21.00' } }, 'INVALID_AMOUNT'],
		[{ complete: true }, 'INVALID_PAYMENT_METHOD'],
		[{ payment_method: 'CHEQUE' }, 'INVALID_PAYMENT_METHOD'],
		[{ external_reference: undefined }, 'BAD_REQUEST'],
		[{ complete: 'yes' }, 'BAD_REQUEST'],
	])('create %j -> %s', async (overrides, type) => {
		await expectError(call('POST', '/transactions', { body: txBody(overrides) }), 400, type);
		expect(sandbox.stats.transactionsCreated).toBe(0);
	});

	it('creates PENDING, sums item amounts as decimals, and rejects a reused external_reference', async () => {
		const body = txBody({
			items: [
				{ id: BILL_SUBS, amount: { currency: 'ZAR', value: '0.1' } },
				{ id: BILL_TVOD, amount: { currency: 'ZAR', value: '0.20' } },
			],
			amount: { currency: 'ZAR', value: '0.30' },
			meta_data: { till: 7 },
		});
		const created = await call('POST', '/transactions', { body });
		expect(created.status).toBe(201);
		expect(created.json.status).toMatchObject({ code: 201, type: 'SUCCESS' });
		expect(created.json.data).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			external_reference: body.external_reference,
			retailer_id: 'RETAILER-001',
			status: 'PENDING',
			amount: { currency: 'ZAR', value: '0.30' },
			meta_data: { till: 7 },
		});
		const id = created.json.data?.id as string;
		const fetched = await call('GET', `/transactions/${id}`, {
			headers: { 'retailer-id': undefined },
		});
		expect(fetched.json.data).toEqual(created.json.data);
		await expectError(
			call('POST', '/transactions', { body: { ...body, meta_data: {} } }),
			400,
			'INVALID_EXTERNAL_REFERENCE',
		);
		expect(sandbox.transactions()).toHaveLength(1);
	});

	it('walks the state machine: complete and cancel', async () => {
		const first = (await call('POST', '/transactions', { body: txBody() })).json.data?.id as string;
		const done = await call('POST', `/transactions/${first}/complete`, {
			body: { payment_method: 'CASH' },
		});
		expect(done.json.data).toMatchObject({ status: 'COMPLETED', payment_method: 'CASH' });
		await expectError(
			call('POST', `/transactions/${first}/complete`, { body: { payment_method: 'CASH' } }),
			400,
			'ALREADY_COMPLETED',
		);
		await expectError(
			call('POST', `/transactions/${first}/cancel`, { body: {} }),
			400,
			'ALREADY_COMPLETED',
		);
		await expectError(
			call('POST', `/transactions/${first}/complete`, { body: { payment_method: 'CHEQUE' } }),
			400,
			'INVALID_PAYMENT_METHOD',
		);
		// The document's Complete schema does not require payment_method.
		const third = (await call('POST', '/transactions', { body: txBody() })).json.data?.id as string;
		const plain = await call('POST', `/transactions/${third}/complete`, { body: {} });
		expect(plain.json.data).toMatchObject({ status: 'COMPLETED' });

		const second = (await call('POST', '/transactions', { body: txBody() })).json.data
			?.id as string;
		const cancelled = await call('POST', `/transactions/${second}/cancel`, {
			body: { reason: 'Card declined' },
		});
		expect(cancelled.json.data).toMatchObject({
			status: 'CANCELLED',
			cancel_reason: 'Card declined',
		});
		await expectError(call('POST', `/transactions/${second}/cancel`), 400, 'ALREADY_CANCELLED');
		await expectError(
			call('POST', `/transactions/${second}/complete`, { body: { payment_method: 'CASH' } }),
			400,
			'ALREADY_CANCELLED',
		);
		await expectError(call('POST', '/transactions/nope/cancel'), 404, 'NOT_FOUND');

		const oneGo = await call('POST', '/transactions', {
			body: txBody({ complete: true, payment_method: 'EWALLET' }),
		});
		expect(oneGo.json.data).toMatchObject({ status: 'COMPLETED', payment_method: 'EWALLET' });
		expect(sandbox.stats).toMatchObject({
			transactionsCreated: 4,
			completions: 3,
			cancellations: 1,
		});
	});
});
