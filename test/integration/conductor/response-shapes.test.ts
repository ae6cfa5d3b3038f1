import { runListSearch, runLoadOptions } from '../../harness/run-methods';
import { conductorCredential, conductorNode, useConductorSandbox } from './conductor.fixture';

/**
 * The document shows two answer shapes: `{ status, data }` on most samples, and a bare body on the
 * account enquiry (`{ external_id, customer, biller, amount_due, products, bills }`). Every
 * operation reads both, so the documented primitive flow works whichever a provider sends.
 */
describe.each(['as-documented', 'bare', 'enveloped'] as const)(
	'Moment Conductor answering %s',
	(responseShape) => {
		const { sandbox, run } = useConductorSandbox({ responseShape });

		it('enquire -> create with the enquiry bills -> complete without a payment method -> get', async () => {
			const result = await run({
				items: [{ customer: '8604275423086', receipt: `shape-${responseShape}` }],
				nodes: [
					conductorNode('Enquire', {
						resource: 'account',
						operation: 'enquire',
						billerCode: 'za_dstv',
						identifierType: 'text',
						identifier: '={{ $json.customer }}',
						additionalFields: { reference: 'SUBS' },
					}),
					conductorNode('Create', {
						resource: 'transaction',
						operation: 'create',
						externalReference: "={{ $('Items').item.json.receipt }}",
						itemsSource: 'json',
						itemsJson:
							'={{ JSON.stringify($json.bills.map(bill => ({ id: bill.id, amount: bill.amount }))) }}',
					}),
					conductorNode('Complete', {
						resource: 'transaction',
						operation: 'complete',
						transactionId: '={{ $json.id }}',
						paymentMethod: 'notSent',
					}),
					conductorNode('Get', {
						resource: 'transaction',
						operation: 'get',
						transactionId: '={{ $json.id }}',
					}),
				],
			});
			expect(result.error).toBeUndefined();
			const [enquiry] = result.json('Enquire');
			expect(enquiry).toMatchObject({ external_id: '8604275423086' });
			expect(enquiry.bills).toEqual([expect.objectContaining({ reference: 'SUBS' })]);
			expect(result.json('Complete')[0]).toMatchObject({ status: 'COMPLETED' });
			expect(result.json('Get')[0]).toMatchObject({
				external_reference: `shape-${responseShape}`,
				status: 'COMPLETED',
			});
			const complete = sandbox().requests.find((request) => request.path.endsWith('/complete'));
			expect(complete?.body ?? {}).toEqual({});
			expect(complete?.path).toMatch(/^\/conductor\/v1\/transactions\/.+\/complete$/);
		});

		it('partner transaction and catalog read the same in this shape', async () => {
			const result = await run({
				items: [{ receipt: `partner-${responseShape}` }],
				nodes: [
					conductorNode('Pay', {
						resource: 'partnerTransaction',
						operation: 'create',
						externalReference: '={{ $json.receipt }}',
						billerCode: 'za_dstv',
						identifierType: 'text',
						identifier: '8604275423086',
						amount: '150.00',
						currency: 'ZAR',
						complete: true,
						paymentMethod: 'CASH',
						additionalFields: { reference: 'SUBS' },
					}),
					conductorNode('Catalog', {
						resource: 'catalog',
						operation: 'get',
						categoryCode: { __rl: true, mode: 'id', value: 'za_entertainment_cabletv' },
						depth: 1,
					}),
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.json('Pay')[0]).toMatchObject({
				external_transaction_id: `partner-${responseShape}`,
				status: 'COMPLETED',
			});
			expect(result.json('Catalog')[0]).toMatchObject({ code: 'za_entertainment_cabletv' });
		});
	},
);

describe('Moment Conductor dropdowns with a provider that caps depth and nests the category', () => {
	const { sandbox } = useConductorSandbox({ maxDepth: 2, catalogAt: 'data.category' });
	const node = conductorNode('Conductor', { resource: 'catalog', operation: 'get' });

	it('falls back to a smaller depth on INVALID_DEPTH and still lists the deep categories', async () => {
		const all = await runListSearch({
			node,
			method: 'searchCategories',
			credentials: [conductorCredential(sandbox())],
		});
		expect(all.results).toContainEqual({
			name: 'Entertainment › Cable TV › DStv Packages',
			value: 'ng_entertainment_cabletv_dstv_packages',
		});
		const depths = sandbox().requests.map((request) => request.query.depth);
		expect(depths.slice(0, 3)).toEqual(['6', '3', '2']);
	});

	it('lists the products of the deepest categories, read per category from data.category', async () => {
		const products = await runLoadOptions({
			node,
			method: 'getProducts',
			credentials: [conductorCredential(sandbox())],
		});
		expect(products).toContainEqual({
			name: 'DStv Compact (NGN 15700.00)',
			value: 'ng_dstv_compact',
			description: 'DStv Packages',
		});
	});
});
