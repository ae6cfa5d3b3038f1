import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { resolveIdempotencyKey } from '../../../shared/money/idempotency';
import { safetyOptions, sumByCurrency } from '../../../shared/money/spending-limits';
import { multiplyDecimal } from '../../../shared/money/amounts';
import {
	FieldError,
	requirePositiveInteger,
	requireText,
} from '../../../shared/description/field-validation';
import {
	billerCodeField,
	identifierFields,
	idempotencyKeyOption,
	readIdentifier,
	readJsonArrayOfObjects,
	readMoney,
} from '../common.fields';
import type { ConductorOperation } from '../types';

const properties: INodeProperties[] = [
	billerCodeField,
	...identifierFields,
	{
		displayName: 'Products Input',
		name: 'productsSource',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Define Below', value: 'fields' },
			{ name: 'JSON', value: 'json' },
		],
	},
	{
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Product',
		default: {},
		displayOptions: { show: { productsSource: ['fields'] } },
		options: [
			{
				displayName: 'Product',
				name: 'product',
				values: [
					{
						displayName: 'Product Name or ID',
						name: 'code',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getProducts' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
					},
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'string',
						default: '',
						placeholder: '20.00',
						description: 'Only for products priced by the customer (amount rules)',
					},
					{
						displayName: 'Currency',
						name: 'currency',
						type: 'string',
						default: '',
						placeholder: 'NGN',
					},
				],
			},
		],
	},
	{
		displayName: 'Products (JSON)',
		name: 'productsJson',
		type: 'json',
		default: '[{"code": "", "quantity": 1}]',
		displayOptions: { show: { productsSource: ['json'] } },
		description:
			'A JSON array of products, each with a code, a quantity and, for priced-by-customer products, an amount object',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [idempotencyKeyOption],
	},
	safetyOptions,
];

function readProducts(raw: Array<Record<string, unknown>>): IDataObject[] {
	if (raw.length === 0) {
		throw new FieldError('Products', 'Products must contain at least one product');
	}
	return raw.map((entry, index) => {
		const label = `Product ${index + 1}`;
		const product: IDataObject = {
			code: requireText(entry.code, `${label} Code`),
			quantity: requirePositiveInteger(entry.quantity ?? 1, `${label} Quantity`),
		};
		const amount = entry.amount as Record<string, unknown> | string | undefined;
		const value = amount && typeof amount === 'object' ? amount.value : amount;
		const currency = amount && typeof amount === 'object' ? amount.currency : entry.currency;
		if (value !== undefined && value !== '') {
			product.amount = readMoney(value, currency, `${label} Amount`);
		}
		return product;
	});
}

export const create: ConductorOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['order'], operation: ['create'] } },
		properties,
	),
	prepare(itemIndex, item) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const source = this.getNodeParameter('productsSource', itemIndex, 'fields');
		const rawProducts =
			source === 'json'
				? readJsonArrayOfObjects(this.getNodeParameter('productsJson', itemIndex, '[]'), 'Products')
				: (((this.getNodeParameter('products', itemIndex, {}) as IDataObject).product ??
						[]) as Array<Record<string, unknown>>);
		return {
			method: 'POST',
			path: '/orders',
			body: {
				biller_code: requireText(this.getNodeParameter('billerCode', itemIndex, ''), 'Biller Code'),
				identifier: readIdentifier(this, itemIndex) as IDataObject,
				products: readProducts(rawProducts),
			},
			idempotencyKey: resolveIdempotencyKey(options, item),
		};
	},
	moneyMove: {
		// Products priced by the catalog carry no amount: the total is then unknown before sending.
		amountsOf(request) {
			const products = (request.body as { products: OrderProduct[] }).products;
			if (products.some((product) => !product.amount)) return undefined;
			return sumByCurrency(
				products.map(({ amount, quantity }) => ({
					currency: amount!.currency,
					amount: multiplyDecimal(amount!.value, quantity),
				})),
			);
		},
	},
};

type OrderProduct = { quantity: number; amount?: { currency: string; value: string } };
