import {
	BILL,
	conductorNode,
	createTransactionParameters,
	useConductorSandbox,
} from './conductor.fixture';

describe('Moment Conductor: every operation against the sandbox', () => {
	const { sandbox, run } = useConductorSandbox();

	async function runOne(parameters: Record<string, unknown>, items = [{}]) {
		const result = await run({ items, nodes: [conductorNode('Conductor', parameters)] });
		expect(result.error).toBeUndefined();
		return result.json('Conductor');
	}

	async function createTransaction(reference: string) {
		const [created] = await runOne(createTransactionParameters(), [{ reference }]);
		return created;
	}

	it('healthcheck:check pings the host root', async () => {
		const [output] = await runOne({ resource: 'healthcheck', operation: 'check' });
		expect(output.status).toMatchObject({ type: 'SUCCESS' });
		expect(sandbox().requests[0]).toMatchObject({ method: 'POST', path: '/healthcheck' });
	});

	it('account:enquire sends biller, identifier object and reference with the Retailer-Id', async () => {
		const [account] = await runOne({
			resource: 'account',
			operation: 'enquire',
			billerCode: 'ng_dstv',
			identifierType: 'smart_card_number',
			identifier: '987654321237',
			additionalFields: { reference: 'SUBS', retailerId: 'RETAILER-002' },
		});
		expect(account.external_id).toBe('1234567890');
		expect(account.bills).toEqual([
			expect.objectContaining({ id: 'bill_6515751ad016708b8b37b8b1' }),
		]);
		const [request] = sandbox().requests;
		expect(request.headers['retailer-id']).toBe('RETAILER-002');
		expect(request.body).toEqual({
			biller_code: 'ng_dstv',
			identifier: { smart_card_number: '987654321237' },
			reference: 'SUBS',
		});
	});

	it('transaction:create sends decimal-string amounts, the Retailer-Id and an Idempotency-Key', async () => {
		const created = await createTransaction('create-1');
		expect(created).toMatchObject({
			external_reference: 'create-1',
			status: 'PENDING',
			amount: BILL.amount,
			idempotency: { replayed: false },
		});
		const [request] = sandbox().requests;
		expect(request.headers['retailer-id']).toBe('RETAILER-001');
		expect(request.headers['idempotency-key']).toBe((created.idempotency as { key: string }).key);
		expect(request.body).toEqual({
			external_reference: 'create-1',
			items: [{ id: BILL.id, amount: { currency: 'ZAR', value: '929.00' } }],
			complete: false,
		});
	});

	it('transaction:create takes the bills as JSON, e.g. from an enquiry', async () => {
		const [created] = await runOne(
			createTransactionParameters({
				itemsSource: 'json',
				itemsJson: '={{ JSON.stringify($json.bills) }}',
				additionalFields: {
					totalAmount: '988.99',
					totalCurrency: 'ZAR',
					metaData: '{"till": "7"}',
				},
			}),
			[
				{
					reference: 'json-bills',
					bills: [
						{ id: 'bill_651574c0d016708b8b37b8ab', amount: { currency: 'ZAR', value: '929.00' } },
						{ id: 'bill_651574c0d016708b8b37b8ac', amount: { currency: 'ZAR', value: '59.99' } },
					],
				},
			],
		);
		expect(created).toMatchObject({
			amount: { currency: 'ZAR', value: '988.99' },
			meta_data: { till: '7' },
		});
	});

	it('transaction:get, complete and cancel follow the state machine', async () => {
		const first = await createTransaction('lifecycle-1');
		const [fetched] = await runOne({
			resource: 'transaction',
			operation: 'get',
			transactionId: first.id,
		});
		expect(fetched).toMatchObject({ id: first.id, status: 'PENDING' });

		const [completed] = await runOne({
			resource: 'transaction',
			operation: 'complete',
			transactionId: first.id,
			paymentMethod: 'DEBIT_CARD',
		});
		expect(completed).toMatchObject({ status: 'COMPLETED', payment_method: 'DEBIT_CARD' });

		const second = await createTransaction('lifecycle-2');
		const [cancelled] = await runOne({
			resource: 'transaction',
			operation: 'cancel',
			transactionId: second.id,
			additionalFields: { reason: 'Credit card declined payment.' },
		});
		expect(cancelled).toMatchObject({
			status: 'CANCELLED',
			cancel_reason: 'Credit card declined payment.',
		});
		expect(sandbox().stats).toMatchObject({
			transactionsCreated: 2,
			completions: 1,
			cancellations: 1,
		});
	});

	it('partnerTransaction:create, get, complete and cancel address the external transaction id', async () => {
		const partnerCreate = (reference: string) => ({
			resource: 'partnerTransaction',
			operation: 'create',
			externalReference: reference,
			billerCode: 'za_dstv',
			identifierType: 'text',
			identifier: '8604275423086',
			amount: '150.5',
			currency: 'ZAR',
			additionalFields: { reference: 'SUBS' },
		});
		const [created] = await runOne(partnerCreate('partner-1'));
		expect(created).toMatchObject({
			external_transaction_id: 'partner-1',
			status: 'PENDING',
			amount: { currency: 'ZAR', value: '150.50' },
		});
		expect(sandbox().requests[0].body).toMatchObject({
			amount: { currency: 'ZAR', value: '150.50' },
		});

		const [fetched] = await runOne({
			resource: 'partnerTransaction',
			operation: 'get',
			externalTransactionId: 'partner-1',
		});
		expect(fetched).toMatchObject({ external_transaction_id: 'partner-1' });

		const [completed] = await runOne({
			resource: 'partnerTransaction',
			operation: 'complete',
			externalTransactionId: 'partner-1',
			paymentMethod: 'MOBILE_MONEY',
		});
		expect(completed).toMatchObject({ status: 'COMPLETED' });

		await runOne(partnerCreate('partner-2'));
		const [cancelled] = await runOne({
			resource: 'partnerTransaction',
			operation: 'cancel',
			externalTransactionId: 'partner-2',
		});
		expect(cancelled).toMatchObject({ status: 'CANCELLED' });
		expect(sandbox().stats.partnerTransactionsCreated).toBe(2);
	});

	it('catalog:get passes category code and depth', async () => {
		const [catalog] = await runOne({
			resource: 'catalog',
			operation: 'get',
			categoryCode: 'ng_entertainment_cabletv',
			depth: 2,
		});
		expect(JSON.stringify(catalog)).toContain('ng_dstv_compact');
		expect(sandbox().requests[0].query).toEqual({
			category_code: 'ng_entertainment_cabletv',
			depth: '2',
		});
	});

	it('order:create and order:get', async () => {
		const [created] = await runOne({
			resource: 'order',
			operation: 'create',
			billerCode: 'ng_dstv',
			identifierType: 'customer_number',
			identifier: '1234567890',
			productsSource: 'fields',
			products: {
				product: [
					{ code: 'ng_dstv_compact', quantity: 2 },
					{ code: 'ng_dstv_topup', quantity: 1, amount: '2500', currency: 'NGN' },
				],
			},
		});
		expect(created).toMatchObject({ idempotency: { replayed: false } });
		expect(sandbox().stats.ordersCreated).toBe(1);
		expect(sandbox().requests[0].body).toEqual({
			biller_code: 'ng_dstv',
			identifier: { customer_number: '1234567890' },
			products: [
				{ code: 'ng_dstv_compact', quantity: 2 },
				{ code: 'ng_dstv_topup', quantity: 1, amount: { currency: 'NGN', value: '2500.00' } },
			],
		});

		const [fetched] = await runOne({ resource: 'order', operation: 'get', orderId: created.id });
		expect(fetched).toMatchObject({ id: created.id });
	});
});
