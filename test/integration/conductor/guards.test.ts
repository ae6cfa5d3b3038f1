import {
	conductorNode,
	createTransactionParameters,
	useConductorSandbox,
} from './conductor.fixture';

const twentyItems = Array.from({ length: 20 }, (_, index) => ({ reference: `guard-${index + 1}` }));

describe('Moment Conductor: Validate Only and spending limits', () => {
	const { sandbox, run } = useConductorSandbox();
	const create = (safety: Record<string, unknown>, extra = {}) =>
		conductorNode(
			'Create',
			createTransactionParameters({
				billItems: {
					bill: [{ id: 'bill_651574c0d016708b8b37b8ac', amount: '59.99', currency: 'ZAR' }],
				},
				safety,
			}),
			extra,
		);

	it('Validate Only on 20 items sends nothing and returns the exact requests, secrets masked', async () => {
		const result = await run({ items: twentyItems, nodes: [create({ validateOnly: true })] });
		expect(result.error).toBeUndefined();
		expect(sandbox().requests).toHaveLength(0);
		const outputs = result.json('Create');
		expect(outputs).toHaveLength(20);
		expect(outputs[0]).toEqual({
			validateOnly: true,
			method: 'POST',
			url: `${sandbox().baseUrl}/transactions`,
			headers: {
				'Retailer-Id': 'RETAILER-001',
				'Idempotency-Key': outputs[0].idempotencyKey,
				Authorization: '***',
			},
			body: {
				external_reference: 'guard-1',
				items: [
					{ id: 'bill_651574c0d016708b8b37b8ac', amount: { currency: 'ZAR', value: '59.99' } },
				],
				complete: false,
			},
			idempotencyKey: expect.stringMatching(/^n8n-/),
			amounts: [{ currency: 'ZAR', amount: '59.99' }],
		});
		expect(JSON.stringify(outputs)).not.toContain(sandbox().secretKey);
	});

	it('Validate Only still runs every check', async () => {
		const result = await run({
			items: [{ reference: '' }],
			nodes: [create({ validateOnly: true })],
		});
		expect(result.error?.message).toBe('External Reference is required [item 0]');
	});

	it('a total limit reached at item 8 of 20: exactly 7 transactions, item 8 names the limit', async () => {
		// 7 x 59.99 = 419.93; the 8th would make 479.92.
		const result = await run({
			items: twentyItems,
			nodes: [create({ maxTotalPerExecution: 'ZAR 450.00' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Total per Execution for ZAR is 450.00; ZAR 419.93 already sent in this execution and this item moves 59.99 [item 7]',
		);
		expect(sandbox().stats.transactionsCreated).toBe(7);
		expect(sandbox().requests).toHaveLength(7);
	});

	it('with Continue On Fail every item past the limit fails the same way and nothing more is paid', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [create({ maxTotalPerExecution: 'ZAR 450.00' }, { continueOnFail: true })],
		});
		const outputs = result.json('Create');
		expect(outputs.slice(0, 7).every((item) => item.status === 'PENDING')).toBe(true);
		expect(
			outputs.slice(7).every((item) => String(item.error).startsWith('Spending limit reached')),
		).toBe(true);
		expect(sandbox().stats.transactionsCreated).toBe(7);
	});

	it('the per-item cap refuses before any request is sent', async () => {
		const result = await run({
			items: twentyItems.slice(0, 3),
			nodes: [create({ maxAmountPerItem: '50' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Amount per Item is ZAR 50; this item moves ZAR 59.99 [item 0]',
		);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('an item rejected by the provider does not count toward the limits', async () => {
		// 'taken' was used by another node (another key), so Conductor refuses the reference.
		const other = conductorNode('Other', createTransactionParameters(), { id: 'another-node' });
		expect((await run({ items: [{ reference: 'taken' }], nodes: [other] })).error).toBeUndefined();
		const result = await run({
			items: [{ reference: 'first' }, { reference: 'taken' }, { reference: 'other' }],
			nodes: [create({ maxMovesPerExecution: 2 }, { continueOnFail: true })],
		});
		const outputs = result.json('Create');
		expect(outputs[1].error).toMatch(/INVALID_EXTERNAL_REFERENCE/);
		expect(outputs[2]).toMatchObject({ external_reference: 'other', status: 'PENDING' });
		expect(sandbox().stats.transactionsCreated).toBe(3);
	});

	it('Loop Over Items one at a time is stopped where a batch would be (the count holds across runs)', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [
				{ name: 'Loop', type: 'test.loopOverItems', parameters: { batchSize: 1 } },
				create({ maxMovesPerExecution: 5 }),
			],
			links: [
				['Items', 0, 'Loop'],
				['Loop', 1, 'Create'],
				['Create', 0, 'Loop'],
			],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Money Moves per Execution is 5; 5 already sent in this execution [item 0]',
		);
		expect(result.nodeRuns('Create')).toBe(6);
		expect(sandbox().stats.transactionsCreated).toBe(5);
	});

	it("a replay under n8n's Retry On Fail counts once", async () => {
		sandbox().injectFault({
			kind: 'status-503',
			path: '/transactions',
			times: 4,
			when: (request) =>
				(request.body as { external_reference?: string }).external_reference === 'guard-2',
		});
		const result = await run({
			items: twentyItems.slice(0, 2),
			nodes: [
				create(
					{ maxMovesPerExecution: 2 },
					{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
				),
			],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().stats.transactionsCreated).toBe(2);
	});

	it('completing reads the transaction to check the amount limit before paying', async () => {
		const created = await run({ items: [{ reference: 'to-complete' }], nodes: [create({})] });
		const id = created.json('Create')[0].id;
		const before = sandbox().requests.length;
		const result = await run({
			nodes: [
				conductorNode('Complete', {
					resource: 'transaction',
					operation: 'complete',
					transactionId: id,
					paymentMethod: 'CASH',
					safety: { maxAmountPerItem: 'ZAR 10' },
				}),
			],
		});
		expect(result.error?.message).toMatch(
			/Maximum Amount per Item is ZAR 10.00; this item moves ZAR 59.99/,
		);
		expect(
			sandbox()
				.requests.slice(before)
				.map((request) => request.method),
		).toEqual(['GET']);
		expect(sandbox().stats.completions).toBe(0);
	});

	it('an order priced by the catalog cannot be checked against amount limits: refused, not guessed', async () => {
		const result = await run({
			nodes: [
				conductorNode('Order', {
					resource: 'order',
					operation: 'create',
					billerCode: 'ng_dstv',
					identifierType: 'customer_number',
					identifier: '1234567890',
					products: { product: [{ code: 'ng_dstv_compact', quantity: 1 }] },
					safety: { maxTotalPerExecution: 'NGN 100000' },
				}),
			],
		});
		expect(result.error?.message).toMatch(/amount limits cannot be checked/);
		expect(sandbox().requests).toHaveLength(0);
	});
});

describe('Moment Conductor: a move whose outcome is unknown stays counted', () => {
	const { sandbox, run } = useConductorSandbox();

	it('every create answers 500: with a cap of 3 moves, only 3 items are ever sent', async () => {
		sandbox().injectFault({
			kind: 'status-500',
			method: 'POST',
			path: '/transactions',
			times: 1000,
		});
		const result = await run({
			items: Array.from({ length: 10 }, (_, index) => ({ reference: `unknown-${index + 1}` })),
			nodes: [
				conductorNode(
					'Create',
					createTransactionParameters({
						batching: { parallelRequests: 1 },
						safety: { maxMovesPerExecution: 3 },
					}),
					{ continueOnFail: true },
				),
			],
		});
		const outputs = result.json('Create');
		expect(outputs.slice(0, 3).every((item) => String(item.error).includes('500'))).toBe(true);
		expect(
			outputs.slice(3).every((item) => String(item.error).startsWith('Spending limit reached')),
		).toBe(true);
		const keys = new Set(
			sandbox()
				.requests.filter((request) => request.method === 'POST')
				.map((request) => request.headers['idempotency-key']),
		);
		expect(keys.size).toBe(3);
	});
});
