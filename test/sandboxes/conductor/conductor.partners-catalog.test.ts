import { startConductorSandbox, type ConductorSandbox } from './index';
import { BILL_NG, conductorClient, expectError, txBody, type ConductorCall } from './test-client';

let sandbox: ConductorSandbox;
let call: ConductorCall;

beforeAll(async () => {
	sandbox = await startConductorSandbox();
	call = conductorClient(sandbox);
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

describe('partner transactions', () => {
	const partnerBody = (overrides: Record<string, unknown> = {}) => ({
		external_reference: `p-${Math.random().toString(36).slice(2)}`,
		biller_code: 'za_dstv',
		identifier: '8604275423086',
		reference: 'SUBS',
		amount: { currency: 'ZAR', value: '150.50' },
		...overrides,
	});

	it('creates, gets by external id, completes and cancels', async () => {
		const body = partnerBody();
		const created = await call('POST', '/partners/transactions', { body });
		expect(created.status).toBe(201);
		expect(created.json.data).toMatchObject({
			external_transaction_id: body.external_reference,
			status: 'PENDING',
			amount: { currency: 'ZAR', value: '150.50' },
			biller_code: 'za_dstv',
		});
		const path = `/partners/transactions/${body.external_reference}`;
		expect((await call('GET', path)).json.data).toEqual(created.json.data);
		const done = await call('POST', `${path}/complete`, {
			body: { payment_method: 'MOBILE_MONEY' },
		});
		expect(done.json.data?.status).toBe('COMPLETED');
		await expectError(call('POST', `${path}/cancel`), 400, 'ALREADY_COMPLETED');
		await expectError(
			call('POST', '/partners/transactions', { body }),
			400,
			'INVALID_EXTERNAL_REFERENCE',
		);
		expect(sandbox.partnerTransactions()).toHaveLength(1);
	});

	it.each([
		[{ amount: undefined }, 'INVALID_AMOUNT'],
		[{ amount: { currency: 'NGN', value: '1.00' } }, 'INVALID_CURRENCY'],
		[{ identifier: undefined }, 'INVALID_IDENTIFIER'],
		[{ reference: 'BOX' }, 'INVALID_REFERENCE'],
		[{ biller_code: 'ke_gotv' }, 'INACTIVE_BILLER_CODE'],
		[{ items: [] }, 'BAD_REQUEST'],
		[{ complete: true, payment_method: 'CARD' }, 'INVALID_PAYMENT_METHOD'],
	])('create %j -> %s', async (overrides, type) => {
		await expectError(
			call('POST', '/partners/transactions', { body: partnerBody(overrides) }),
			400,
			type,
		);
	});
});

describe('catalog and orders', () => {
	it('cuts the category tree at depth and validates depth and category', async () => {
		const one = await call('GET', '/catalogs?category_code=ng_entertainment_cabletv');
		expect(one.status).toBe(200);
		const categories = one.json.data?.categories as Array<Record<string, unknown>>;
		expect(categories.map((c) => c.code)).toEqual([
			'ng_entertainment_cabletv_dstv_packages',
			'ng_entertainment_cabletv_dstv_addons',
		]);
		expect(categories[0].products).toBeUndefined();
		const two = await call('GET', '/catalogs?category_code=ng_entertainment_cabletv&depth=2');
		const packages = (two.json.data?.categories as Array<{ products: Array<{ code: string }> }>)[0];
		expect(packages.products.map((p) => p.code)).toContain('ng_dstv_compact');
		for (const depth of ['0', '-1', 'abc', '1.5']) {
			await expectError(call('GET', `/catalogs?depth=${depth}`), 400, 'INVALID_DEPTH');
		}
		await expectError(call('GET', '/catalogs?category_code=nope'), 400, 'INVALID_CATEGORY');
	});

	it('creates an order and pays it with a transaction', async () => {
		const identifier = { smart_card_number: '987654321237' };
		const created = await call('POST', '/orders', {
			body: {
				biller_code: 'ng_dstv',
				identifier,
				products: [
					{ code: 'ng_dstv_compact', quantity: 2 },
					{ code: 'ng_dstv_topup', amount: { currency: 'NGN', value: '500' } },
				],
			},
		});
		expect(created.status).toBe(201);
		expect(created.json.data).toMatchObject({
			status: 'CREATED',
			amount: { currency: 'NGN', value: '31900.00' },
		});
		const orderId = created.json.data?.id as string;
		expect((await call('GET', `/orders/${orderId}`)).json.data).toEqual(created.json.data);

		const item = { id: orderId, amount: { currency: 'NGN', value: '31900.00' } };
		await expectError(
			call('POST', '/transactions', {
				body: txBody({ items: [item, { id: BILL_NG, amount: { currency: 'NGN', value: '1' } }] }),
			}),
			400,
			'CONFLICTED_ITEMS',
		);
		const paid = await call('POST', '/transactions', {
			body: txBody({ items: [item], complete: true, payment_method: 'CASH' }),
		});
		expect(paid.status).toBe(201);
		expect(sandbox.orders()).toEqual([expect.objectContaining({ id: orderId, status: 'PAID' })]);
		await expectError(
			call('POST', '/transactions', { body: txBody({ items: [item] }) }),
			400,
			'INVALID_ITEMS',
		);
	});

	it.each([
		[[{ code: 'nope' }], 'INVALID_PRODUCTS'],
		[[{ code: 'za_dstv_premium' }], 'INVALID_PRODUCTS'],
		[[{ code: 'ng_dstv_topup' }], 'INVALID_PRODUCTS'],
		[[{ code: 'ng_dstv_compact', quantity: 13 }], 'INVALID_PRODUCTS'],
		[[{ code: 'ng_dstv_extraview', quantity: 2 }], 'INVALID_PRODUCTS'],
		[[{ code: 'ng_dstv_topup', amount: { currency: 'NGN', value: 500 } }], 'INVALID_AMOUNT'],
		[[], 'INVALID_PRODUCTS'],
	])('order products %j -> %s', async (products, type) => {
		const body = {
			biller_code: 'ng_dstv',
			identifier: { customer_number: '1234567890' },
			products,
		};
		await expectError(call('POST', '/orders', { body }), 400, type);
		expect(sandbox.stats.ordersCreated).toBe(0);
	});
});
