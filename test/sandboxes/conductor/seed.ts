// Seed data: billers, their customers and open bills. Tests import it through CONDUCTOR_SEED.
import type { Money } from './money';

/** How a biller's customers are identified (see the document's CustomerIdentifier). */
export type IdentifierStyle = 'search-string' | 'customer-or-smart-card';

export interface SeedBiller {
	code: string;
	name: string;
	active: boolean;
	country: string;
	currency: string;
	/** Catalogue category holding the biller's products. */
	category_code: string;
	/** Allowed values of `reference` (the biller's product references). */
	references: string[];
	identifier_style: IdentifierStyle;
}

export interface SeedCustomer {
	biller_code: string;
	external_id: string;
	name: string;
	email: string;
	phone: string;
	/** search-string billers: every string that finds this customer (customer no., smart card, ID). */
	search_identifiers: string[];
	/** customer-or-smart-card billers. */
	customer_number?: string;
	smart_card_number?: string;
	/** Catalogue product codes the customer currently has. */
	product_codes: string[];
}

export interface SeedBill {
	id: string;
	biller_code: string;
	/** external_id of the customer the bill belongs to. */
	customer: string;
	reference: string;
	description: string;
	amount: Money;
	due_date: string;
}

export const SEED_BILLERS: readonly SeedBiller[] = [
	{
		code: 'za_dstv',
		name: 'DStv South Africa',
		active: true,
		country: 'ZA',
		currency: 'ZAR',
		category_code: 'za_entertainment_cabletv',
		references: ['SUBS', 'TVOD'],
		identifier_style: 'search-string',
	},
	{
		code: 'ng_dstv',
		name: 'DStv Nigeria',
		active: true,
		country: 'NG',
		currency: 'NGN',
		category_code: 'ng_entertainment_cabletv',
		references: ['SUBS'],
		identifier_style: 'customer-or-smart-card',
	},
	{
		code: 'ke_gotv',
		name: 'GOtv Kenya',
		active: false,
		country: 'KE',
		currency: 'KES',
		category_code: 'ke_entertainment_cabletv',
		references: ['SUBS'],
		identifier_style: 'search-string',
	},
];

export const SEED_CUSTOMERS: readonly SeedCustomer[] = [
	{
		biller_code: 'za_dstv',
		external_id: '8604275423086',
		name: 'Thabo Mokoena',
		email: 'thabo.mokoena@example.com',
		phone: '+27821234567',
		// South African national ID, customer number, smart card number
		search_identifiers: ['8604275423086', '1234567890', '4123456789'],
		product_codes: ['za_dstv_premium'],
	},
	{
		biller_code: 'za_dstv',
		external_id: '9001015009087',
		name: 'Lerato Dlamini',
		email: 'lerato.dlamini@example.com',
		phone: '+27831234567',
		search_identifiers: ['9001015009087', '7012345678'],
		product_codes: ['za_dstv_compact'],
	},
	{
		biller_code: 'ng_dstv',
		external_id: '1234567890',
		name: 'Adaeze Okafor',
		email: 'adaeze.okafor@example.com',
		phone: '+2348031234567',
		search_identifiers: [],
		customer_number: '1234567890',
		smart_card_number: '987654321237',
		product_codes: ['ng_dstv_compact'],
	},
	{
		biller_code: 'ke_gotv',
		external_id: '5550001111',
		name: 'Wanjiru Kamau',
		email: 'wanjiru.kamau@example.com',
		phone: '+254712345678',
		search_identifiers: ['5550001111'],
		product_codes: [],
	},
];

export const SEED_BILLS: readonly SeedBill[] = [
	{
		id: 'bill_651574c0d016708b8b37b8ab',
		biller_code: 'za_dstv',
		customer: '8604275423086',
		reference: 'SUBS',
		description: 'DStv Premium monthly subscription',
		amount: { currency: 'ZAR', value: '929.00' },
		due_date: '2026-01-31',
	},
	{
		id: 'bill_651574c0d016708b8b37b8ac',
		biller_code: 'za_dstv',
		customer: '8604275423086',
		reference: 'TVOD',
		description: 'BoxOffice movie rental',
		amount: { currency: 'ZAR', value: '59.99' },
		due_date: '2026-01-15',
	},
	{
		id: 'bill_651574c0d016708b8b37b8ad',
		biller_code: 'za_dstv',
		customer: '9001015009087',
		reference: 'SUBS',
		description: 'DStv Compact monthly subscription',
		amount: { currency: 'ZAR', value: '519.00' },
		due_date: '2026-01-31',
	},
	{
		id: 'bill_6515751ad016708b8b37b8b1',
		biller_code: 'ng_dstv',
		customer: '1234567890',
		reference: 'SUBS',
		description: 'DStv Compact monthly subscription',
		amount: { currency: 'NGN', value: '15700.00' },
		due_date: '2026-01-31',
	},
	{
		id: 'bill_6515752bd016708b8b37b8c1',
		biller_code: 'ke_gotv',
		customer: '5550001111',
		reference: 'SUBS',
		description: 'GOtv Max monthly subscription',
		amount: { currency: 'KES', value: '1200.00' },
		due_date: '2026-01-31',
	},
];

export function findBiller(code: string): SeedBiller | undefined {
	return SEED_BILLERS.find((biller) => biller.code === code);
}

export function findBill(id: string): SeedBill | undefined {
	return SEED_BILLS.find((bill) => bill.id === id);
}

export function billsOf(customer: SeedCustomer): SeedBill[] {
	return SEED_BILLS.filter(
		(bill) => bill.biller_code === customer.biller_code && bill.customer === customer.external_id,
	);
}
