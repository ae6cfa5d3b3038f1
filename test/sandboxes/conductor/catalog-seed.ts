// Seed product catalogue: a category tree per country; products carry amount and quantity rules.
import type { Money } from './money';

export type AmountRules =
	| { type: 'FIXED'; amount: Money }
	| { type: 'RANGE'; minimum: Money; maximum: Money };

export interface QuantityRules {
	minimum: number;
	maximum: number;
}

export interface SeedProduct {
	code: string;
	name: string;
	description: string;
	/** FIXED: amount may be omitted in an order (and must equal it if sent); RANGE: amount required. */
	amount_rules?: AmountRules;
	/** Without quantity rules the quantity must be 1. */
	quantity_rules?: QuantityRules;
}

export interface SeedCategory {
	code: string;
	name: string;
	description: string;
	products: SeedProduct[];
	categories: SeedCategory[];
}

function fixed(code: string, name: string, currency: string, value: string): SeedProduct {
	return {
		code,
		name,
		description: `${name} (one month)`,
		amount_rules: { type: 'FIXED', amount: { currency, value } },
		quantity_rules: { minimum: 1, maximum: 12 },
	};
}

export const SEED_CATALOG: readonly SeedCategory[] = [
	{
		code: 'ng_entertainment',
		name: 'Entertainment',
		description: 'Entertainment billers in Nigeria',
		products: [],
		categories: [
			{
				code: 'ng_entertainment_cabletv',
				name: 'Cable TV',
				description: 'Cable and satellite TV in Nigeria',
				products: [],
				categories: [
					{
						code: 'ng_entertainment_cabletv_dstv_packages',
						name: 'DStv Packages',
						description: 'DStv Nigeria bouquets',
						products: [
							fixed('ng_dstv_padi', 'DStv Padi', 'NGN', '4400.00'),
							fixed('ng_dstv_compact', 'DStv Compact', 'NGN', '15700.00'),
							fixed('ng_dstv_premium', 'DStv Premium', 'NGN', '37000.00'),
						],
						categories: [],
					},
					{
						code: 'ng_entertainment_cabletv_dstv_addons',
						name: 'DStv Add-ons',
						description: 'Extras for a DStv Nigeria bouquet',
						products: [
							{
								code: 'ng_dstv_extraview',
								name: 'ExtraView Access',
								description: 'Watch on a second decoder',
								amount_rules: { type: 'FIXED', amount: { currency: 'NGN', value: '6000.00' } },
							},
							{
								code: 'ng_dstv_topup',
								name: 'Account top-up',
								description: 'Any amount credited to the DStv account',
								amount_rules: {
									type: 'RANGE',
									minimum: { currency: 'NGN', value: '100.00' },
									maximum: { currency: 'NGN', value: '100000.00' },
								},
							},
						],
						categories: [],
					},
				],
			},
		],
	},
	{
		code: 'za_entertainment',
		name: 'Entertainment',
		description: 'Entertainment billers in South Africa',
		products: [],
		categories: [
			{
				code: 'za_entertainment_cabletv',
				name: 'Cable TV',
				description: 'Satellite TV in South Africa',
				products: [],
				categories: [
					{
						code: 'za_entertainment_cabletv_dstv_packages',
						name: 'DStv Packages',
						description: 'DStv South Africa bouquets',
						products: [
							fixed('za_dstv_easyview', 'DStv EasyView', 'ZAR', '29.00'),
							fixed('za_dstv_compact', 'DStv Compact', 'ZAR', '519.00'),
							fixed('za_dstv_premium', 'DStv Premium', 'ZAR', '929.00'),
						],
						categories: [],
					},
					{
						code: 'za_entertainment_cabletv_boxoffice',
						name: 'BoxOffice',
						description: 'Movie rentals',
						products: [
							{
								code: 'za_dstv_boxoffice_rental',
								name: 'BoxOffice rental',
								description: 'One movie rental, priced per title',
								amount_rules: {
									type: 'RANGE',
									minimum: { currency: 'ZAR', value: '29.99' },
									maximum: { currency: 'ZAR', value: '99.99' },
								},
							},
						],
						categories: [],
					},
				],
			},
		],
	},
];

export function findCategory(
	code: string,
	categories: readonly SeedCategory[] = SEED_CATALOG,
): SeedCategory | undefined {
	for (const category of categories) {
		if (category.code === code) return category;
		const inner = findCategory(code, category.categories);
		if (inner) return inner;
	}
	return undefined;
}

/** Every product in a category and all its sub-categories. */
export function productsUnder(category: SeedCategory): SeedProduct[] {
	return [...category.products, ...category.categories.flatMap((child) => productsUnder(child))];
}
