import {
	flattenCategories,
	flattenProducts,
	rootCategories,
} from '../../nodes/MomentConductor/methods/catalog';

const tree = {
	code: 'tv',
	name: 'TV',
	products: [
		{ code: 'basic', name: 'Basic', amount_rules: { amount: { currency: 'ZAR', value: '29.00' } } },
	],
	categories: [
		{
			code: 'tv_extra',
			name: 'Extras',
			products: [{ code: 'rental', name: 'Rental' }],
			categories: [],
		},
	],
};

describe('catalog walks for the dropdowns', () => {
	it('accepts one category or the top-level list', () => {
		expect(rootCategories(tree)).toEqual([tree]);
		expect(rootCategories({ categories: [tree] })).toEqual([tree]);
		expect(rootCategories(undefined)).toEqual([]);
	});

	it('flattens categories with readable paths and products with their price', () => {
		expect(flattenCategories([tree])).toEqual([
			{ code: 'tv', path: 'TV' },
			{ code: 'tv_extra', path: 'TV › Extras' },
		]);
		expect(flattenProducts([tree])).toEqual([
			{ code: 'basic', label: 'Basic (ZAR 29.00)', category: 'TV' },
			{ code: 'rental', label: 'Rental (amount set by you)', category: 'Extras' },
		]);
	});
});
