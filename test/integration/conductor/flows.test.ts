import { conductorNode, useConductorSandbox } from './conductor.fixture';

/** The document's API workflows, each as a workflow of Moment Conductor nodes. */
describe('Moment Conductor: the documented flows as multi-node workflows', () => {
	const { sandbox, run } = useConductorSandbox();

	const enquire = conductorNode('Enquire', {
		resource: 'account',
		operation: 'enquire',
		billerCode: 'za_dstv',
		identifierType: 'text',
		identifier: '={{ $json.customer }}',
		additionalFields: { reference: 'SUBS' },
	});
	const createFromEnquiry = conductorNode('Create', {
		resource: 'transaction',
		operation: 'create',
		externalReference: "={{ $('Items').item.json.receipt }}",
		itemsSource: 'json',
		itemsJson:
			'={{ JSON.stringify($json.bills.map(bill => ({ id: bill.id, amount: bill.amount }))) }}',
	});
	const items = [
		{ customer: '8604275423086', receipt: 'receipt-1001' },
		{ customer: '9001015009087', receipt: 'receipt-1002' },
	];

	it('composite flow: create with complete = true and a payment method pays in one call', async () => {
		const result = await run({
			items: [{ receipt: 'composite-1', customer: '8604275423086', amount: '150.00' }],
			nodes: [
				conductorNode('Pay', {
					resource: 'partnerTransaction',
					operation: 'create',
					externalReference: '={{ $json.receipt }}',
					billerCode: 'za_dstv',
					identifierType: 'text',
					identifier: '={{ $json.customer }}',
					amount: '={{ $json.amount }}',
					currency: 'ZAR',
					complete: true,
					paymentMethod: 'CASH',
					additionalFields: { reference: 'SUBS' },
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Pay')[0]).toMatchObject({
			external_transaction_id: 'composite-1',
			status: 'COMPLETED',
			payment_method: 'CASH',
		});
		expect(sandbox().requests).toHaveLength(1);
		expect(sandbox().stats).toMatchObject({ partnerTransactionsCreated: 1, completions: 1 });
	});

	it('primitive flow 2a: enquire, create, complete', async () => {
		const result = await run({
			items,
			nodes: [
				enquire,
				createFromEnquiry,
				conductorNode('Complete', {
					resource: 'transaction',
					operation: 'complete',
					transactionId: '={{ $json.id }}',
					paymentMethod: 'BANK_TRANSFER',
				}),
			],
		});
		expect(result.error).toBeUndefined();
		const completed = result.json('Complete');
		expect(completed.map((item) => [item.external_reference, item.status])).toEqual([
			['receipt-1001', 'COMPLETED'],
			['receipt-1002', 'COMPLETED'],
		]);
		// The SUBS enquiry returns only the subscription bill.
		expect(completed[0].amount).toEqual({ currency: 'ZAR', value: '929.00' });
		expect(result.output('Complete').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
		expect(sandbox().stats).toMatchObject({
			transactionsCreated: 2,
			completions: 2,
			cancellations: 0,
		});
	});

	it('primitive flow 2b: enquire, create, cancel', async () => {
		const result = await run({
			items: items.slice(0, 1),
			nodes: [
				enquire,
				createFromEnquiry,
				conductorNode('Cancel', {
					resource: 'transaction',
					operation: 'cancel',
					transactionId: '={{ $json.id }}',
					additionalFields: { reason: 'Customer walked away' },
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Cancel')[0]).toMatchObject({
			status: 'CANCELLED',
			cancel_reason: 'Customer walked away',
		});
		expect(sandbox().stats).toMatchObject({
			transactionsCreated: 1,
			completions: 0,
			cancellations: 1,
		});
	});

	it('catalog flow: get the catalog, order a product, pay the order', async () => {
		const result = await run({
			items: [{ customer: '1234567890', receipt: 'order-pay-1' }],
			nodes: [
				conductorNode('Catalog', {
					resource: 'catalog',
					operation: 'get',
					categoryCode: 'ng_entertainment_cabletv_dstv_packages',
				}),
				conductorNode('Order', {
					resource: 'order',
					operation: 'create',
					billerCode: 'ng_dstv',
					identifierType: 'customer_number',
					identifier: "={{ $('Items').item.json.customer }}",
					productsSource: 'json',
					productsJson: '={{ JSON.stringify([{ code: $json.products[1].code, quantity: 1 }]) }}',
				}),
				conductorNode('Pay', {
					resource: 'transaction',
					operation: 'create',
					externalReference: "={{ $('Items').item.json.receipt }}",
					itemsSource: 'fields',
					billItems: {
						bill: [
							{
								id: '={{ $json.id }}',
								amount: '={{ $json.amount.value }}',
								currency: '={{ $json.amount.currency }}',
							},
						],
					},
					complete: true,
					paymentMethod: 'EWALLET',
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Pay')[0]).toMatchObject({
			status: 'COMPLETED',
			amount: { currency: 'NGN', value: '15700.00' },
		});
		expect(sandbox().stats).toMatchObject({ ordersCreated: 1, transactionsCreated: 1 });
	});
});
