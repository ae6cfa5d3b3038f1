import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idempotencyKeyField } from '../../shared/money/idempotency';
import { requireAmount, requireCurrency } from '../../shared/money/amounts';
import {
	FieldError,
	optionalText,
	parseJsonArray,
	parseJsonObject,
	requireOneOf,
	requireText,
} from '../../shared/description/field-validation';
import type { ConductorItemContext } from './types';

export const PAYMENT_METHODS = [
	'CASH',
	'DEBIT_CARD',
	'CREDIT_CARD',
	'BANK_TRANSFER',
	'MOBILE_MONEY',
	'EWALLET',
] as const;

export const paymentMethodField: INodeProperties = {
	displayName: 'Payment Method',
	name: 'paymentMethod',
	type: 'options',
	default: 'CASH',
	description: 'How the customer paid',
	options: [
		{ name: 'Bank Transfer', value: 'BANK_TRANSFER' },
		{ name: 'Cash', value: 'CASH' },
		{ name: 'Credit Card', value: 'CREDIT_CARD' },
		{ name: 'Debit Card', value: 'DEBIT_CARD' },
		{ name: 'E-Wallet', value: 'EWALLET' },
		{ name: 'Mobile Money', value: 'MOBILE_MONEY' },
	],
};

export const billerCodeField: INodeProperties = {
	displayName: 'Biller Code',
	name: 'billerCode',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'za_dstv',
	description: 'Code of the biller, as Moment lists it (for example za_dstv or ng_dstv)',
};

export const identifierFields: INodeProperties[] = [
	{
		displayName: 'Customer Identifier Type',
		name: 'identifierType',
		type: 'options',
		default: 'text',
		description: 'How this biller identifies a customer',
		options: [
			{
				name: 'Search Identifier (Text)',
				value: 'text',
				description: 'A plain string, e.g. a za_dstv customer, smart card or national ID number',
			},
			{
				name: 'Customer Number',
				value: 'customer_number',
				description: 'Sent as {"customer_number": "..."}, e.g. for ng_dstv',
			},
			{
				name: 'Smart Card Number',
				value: 'smart_card_number',
				description: 'Sent as {"smart_card_number": "..."}, e.g. for ng_dstv',
			},
			{
				name: 'JSON Object',
				value: 'json',
				description: 'Any identifier object the biller expects',
			},
		],
	},
	{
		displayName: 'Customer Identifier',
		name: 'identifier',
		type: 'string',
		default: '',
		required: true,
		placeholder: '8604275423086',
		description:
			'The value that identifies the customer to the biller; a JSON object when the type is JSON Object',
	},
];

export const metaDataField: INodeProperties = {
	displayName: 'Meta Data',
	name: 'metaData',
	type: 'json',
	default: '{}',
	description: 'Extra data of your own, kept with the transaction',
};

export const retailerIdOption: INodeProperties = {
	displayName: 'Retailer ID',
	name: 'retailerId',
	type: 'string',
	default: '',
	description: "Overrides the credential's default Retailer ID for this node",
};

export const idempotencyKeyOption = idempotencyKeyField(
	"Leave empty to use a key derived from this workflow, node and the External Reference (or the item's fields), so Retry On Fail, n8n's Retry and a re-delivered webhook replay instead of paying twice. Set your own (e.g. an invoice number) to choose what counts as the same payment.",
);

export function readIdentifier(
	context: IExecuteFunctions,
	itemIndex: number,
): string | Record<string, unknown> {
	const type = requireOneOf(
		context.getNodeParameter('identifierType', itemIndex, 'text'),
		['text', 'customer_number', 'smart_card_number', 'json'] as const,
		'Customer Identifier Type',
	);
	const raw = context.getNodeParameter('identifier', itemIndex, '');
	if (type === 'json') {
		const object = parseJsonObject(raw, 'Customer Identifier');
		if (!object || Object.keys(object).length === 0) {
			throw new FieldError('Customer Identifier', 'Customer Identifier is required');
		}
		return object;
	}
	const value = requireText(raw, 'Customer Identifier');
	return type === 'text' ? value : { [type]: value };
}

export function readMoney(
	value: unknown,
	currency: unknown,
	field: string,
): { currency: string; value: string } {
	// The currency's own field: "Amount" -> "Currency", "Bill 1 Amount" -> "Bill 1 Currency".
	const currencyField = field.replace(/Amount$/, 'Currency');
	const code = requireCurrency(
		currency,
		currencyField === field ? `${field} Currency` : currencyField,
		'Use the three-letter code of the currency the biller bills in (for example ZAR or NGN).',
	);
	return { currency: code, value: requireAmount(value, field, { currency: code }) };
}

export function readMetaData(source: IDataObject): Record<string, unknown> | undefined {
	const metaData = parseJsonObject(source.metaData, 'Meta Data');
	return metaData && Object.keys(metaData).length > 0 ? metaData : undefined;
}

export function readPaymentMethod(value: unknown): (typeof PAYMENT_METHODS)[number] {
	return requireOneOf(value, PAYMENT_METHODS, 'Payment Method');
}

export function resolveRetailerId(options: IDataObject, item: ConductorItemContext): string {
	const retailerId = optionalText(options.retailerId) ?? optionalText(item.defaultRetailerId);
	if (!retailerId) {
		throw new FieldError(
			'Retailer ID',
			'Retailer ID is required for this operation',
			'Set a Default Retailer ID in the Moment Conductor credential, or Options > Retailer ID on the node.',
		);
	}
	return retailerId;
}

export function readJsonArrayOfObjects(
	value: unknown,
	field: string,
): Array<Record<string, unknown>> {
	const entries = parseJsonArray(value, field);
	if (entries.length === 0) throw new FieldError(field, `${field} must contain at least one entry`);
	return entries.map((entry, index) => {
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			throw new FieldError(field, `${field} entry ${index + 1} must be an object`);
		}
		return entry as Record<string, unknown>;
	});
}
