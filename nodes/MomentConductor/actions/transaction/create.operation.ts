import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { resolveIdempotencyKey } from '../../../shared/money/idempotency';
import { safetyOptions, sumByCurrency } from '../../../shared/money/spending-limits';
import { FieldError, requireText } from '../../../shared/description/field-validation';
import {
	idempotencyKeyOption,
	metaDataField,
	paymentMethodField,
	readJsonArrayOfObjects,
	readMetaData,
	readMoney,
	readPaymentMethod,
	resolveRetailerId,
	retailerIdOption,
} from '../common.fields';
import type { ConductorOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'External Reference',
		name: 'externalReference',
		type: 'string',
		default: '',
		required: true,
		description: 'Your unique reference for this transaction (e.g. your order or receipt number)',
	},
	{
		displayName: 'Bills Input',
		name: 'itemsSource',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Define Below', value: 'fields', description: 'Enter each bill and amount' },
			{
				name: 'JSON',
				value: 'json',
				description: 'A JSON array, e.g. the bills returned by an account enquiry',
			},
		],
	},
	{
		displayName: 'Bills',
		name: 'billItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Bill',
		default: {},
		displayOptions: { show: { itemsSource: ['fields'] } },
		options: [
			{
				displayName: 'Bill',
				name: 'bill',
				values: [
					{
						displayName: 'Bill ID',
						name: 'id',
						type: 'string',
						default: '',
						placeholder: 'bill_651574c0d016708b8b37b8ab',
						description: 'ID of the bill, from an account enquiry',
					},
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'string',
						default: '',
						placeholder: '20.00',
						description: 'Amount to pay as a decimal, e.g. 20.00',
					},
					{
						displayName: 'Currency',
						name: 'currency',
						type: 'string',
						default: '',
						placeholder: 'ZAR',
						description: 'ISO 4217 code of the bill currency',
					},
				],
			},
		],
	},
	{
		displayName: 'Bills (JSON)',
		name: 'itemsJson',
		type: 'json',
		default: '[{"id": "", "amount": {"currency": "ZAR", "value": "0.00"}}]',
		displayOptions: { show: { itemsSource: ['json'] } },
		description:
			'A JSON array of bills, each with the bill ID and an amount object holding currency and value',
	},
	{
		displayName: 'Complete Now',
		name: 'complete',
		type: 'boolean',
		default: false,
		description:
			'Whether to create and complete the transaction in one call (composite flow). Leave off to complete or cancel it later.',
	},
	{ ...paymentMethodField, displayOptions: { show: { complete: [true] } } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Total Amount',
				name: 'totalAmount',
				type: 'string',
				default: '',
				placeholder: '20.00',
				description: 'Total of the transaction, when the biller asks for it',
			},
			{
				displayName: 'Total Currency',
				name: 'totalCurrency',
				type: 'string',
				default: '',
				placeholder: 'ZAR',
			},
			metaDataField,
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [idempotencyKeyOption, retailerIdOption],
	},
	safetyOptions,
];

function readBillItems(raw: Array<Record<string, unknown>>, field: string): IDataObject[] {
	return raw.map((entry, index) => {
		const label = `${field} ${index + 1}`;
		const amount = entry.amount as Record<string, unknown> | undefined;
		const value = amount && typeof amount === 'object' ? amount.value : entry.amount;
		const currency = amount && typeof amount === 'object' ? amount.currency : entry.currency;
		return {
			id: requireText(entry.id, `${label} ID`),
			amount: readMoney(value, currency, `${label} Amount`),
		};
	});
}

export const create: ConductorOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['transaction'], operation: ['create'] } },
		properties,
	),
	prepare(itemIndex, item) {
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const source = this.getNodeParameter('itemsSource', itemIndex, 'fields');
		const rawItems =
			source === 'json'
				? readJsonArrayOfObjects(this.getNodeParameter('itemsJson', itemIndex, '[]'), 'Bills')
				: (((this.getNodeParameter('billItems', itemIndex, {}) as IDataObject).bill ?? []) as Array<
						Record<string, unknown>
					>);
		if (rawItems.length === 0) {
			throw new FieldError('Bills', 'Bills must contain at least one bill', 'Add a bill to pay.');
		}
		const body: IDataObject = {
			external_reference: requireText(
				this.getNodeParameter('externalReference', itemIndex, ''),
				'External Reference',
			),
			items: readBillItems(rawItems, 'Bill'),
		};
		if (additional.totalAmount !== undefined && additional.totalAmount !== '') {
			body.amount = readMoney(additional.totalAmount, additional.totalCurrency, 'Total Amount');
		}
		const complete = this.getNodeParameter('complete', itemIndex, false) === true;
		body.complete = complete;
		if (complete) {
			body.payment_method = readPaymentMethod(this.getNodeParameter('paymentMethod', itemIndex));
		}
		const metaData = readMetaData(additional);
		if (metaData) body.meta_data = metaData;
		return {
			method: 'POST',
			path: '/transactions',
			body,
			retailerId: resolveRetailerId(options, item),
			idempotencyKey: resolveIdempotencyKey(options, item),
		};
	},
	moneyMove: {
		amountsOf(request) {
			const body = request.body as { amount?: Money; items: Array<{ amount: Money }> };
			if (body.amount) return [{ currency: body.amount.currency, amount: body.amount.value }];
			return sumByCurrency(
				body.items.map(({ amount }) => ({ currency: amount.currency, amount: amount.value })),
			);
		},
	},
};

type Money = { currency: string; value: string };
