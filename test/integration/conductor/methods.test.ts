import { runListSearch, runLoadOptions } from '../../harness/run-methods';
import { conductorCredential, conductorNode, useConductorSandbox } from './conductor.fixture';

describe('Moment Conductor: dropdowns filled from the catalog', () => {
	const { sandbox, run } = useConductorSandbox();
	const node = conductorNode('Conductor', { resource: 'catalog', operation: 'get' });

	it('lists every category with its path, and filters by text', async () => {
		const all = await runListSearch({
			node,
			method: 'searchCategories',
			credentials: [conductorCredential(sandbox())],
		});
		expect(all.results).toContainEqual({
			name: 'Entertainment › Cable TV › DStv Packages',
			value: 'ng_entertainment_cabletv_dstv_packages',
		});
		const filtered = await runListSearch({
			node,
			method: 'searchCategories',
			filter: 'boxoffice',
			credentials: [conductorCredential(sandbox())],
		});
		expect(filtered.results.map((result) => result.value)).toEqual([
			'za_entertainment_cabletv_boxoffice',
		]);
	});

	it('lists products with their price for the order form', async () => {
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
		expect(products).toContainEqual(
			expect.objectContaining({
				value: 'ng_dstv_topup',
				name: 'Account top-up (NGN 100.00–100000.00)',
			}),
		);
	});

	it('catalog:get takes the category chosen from the list', async () => {
		const result = await run({
			nodes: [
				conductorNode('Catalog', {
					resource: 'catalog',
					operation: 'get',
					categoryCode: { __rl: true, mode: 'list', value: 'za_entertainment_cabletv' },
					depth: 1,
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Catalog')[0]).toMatchObject({ code: 'za_entertainment_cabletv' });
		expect(sandbox().requests[0].query).toEqual({
			category_code: 'za_entertainment_cabletv',
			depth: '1',
		});
	});
});
