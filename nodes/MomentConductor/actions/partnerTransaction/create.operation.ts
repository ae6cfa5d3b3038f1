import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { resolveIdempotencyKey } from '../../../shared/money/idempotency';
import { safetyOptions } from '../../../shared/money/spending-limits';
import { optionalText, requireText } from '../../../shared/description/field-validation';
import {
	billerCodeField,
	identifierFields,
	idempotencyKeyOption,
	metaDataField,
	paymentMethodField,
	readIdentifier,
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
		description:
			'Your unique ID for this transaction; get, complete and cancel address it by this value',
	},
	billerCodeField,
	...identifierFields,
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		default: '',
		required: true,
		placeholder: '100.00',
		description: 'Amount to pay as a decimal, e.g. 100.00',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ZAR',
		description: 'ISO 4217 currency code',
	},
	{
		displayName: 'Complete Now',
		name: 'complete',
		type: 'boolean',
		default: false,
		description: 'Whether to create and complete the transaction in one call (composite flow)',
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
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				placeholder: 'SUBS',
				description: "The biller's product reference, e.g. SUBS or TVOD for za_dstv",
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

export const create: ConductorOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['partnerTransaction'], operation: ['create'] } },
		properties,
	),
	prepare(itemIndex, item) {
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			external_reference: requireText(
				this.getNodeParameter('externalReference', itemIndex, ''),
				'External Reference',
			),
			biller_code: requireText(this.getNodeParameter('billerCode', itemIndex, ''), 'Biller Code'),
			identifier: readIdentifier(this, itemIndex) as IDataObject,
			amount: readMoney(
				this.getNodeParameter('amount', itemIndex, ''),
				this.getNodeParameter('currency', itemIndex, ''),
				'Amount',
			),
		};
		const reference = optionalText(additional.reference);
		if (reference) body.reference = reference;
		const complete = this.getNodeParameter('complete', itemIndex, false) === true;
		body.complete = complete;
		if (complete) {
			body.payment_method = readPaymentMethod(this.getNodeParameter('paymentMethod', itemIndex));
		}
		const metaData = readMetaData(additional);
		if (metaData) body.meta_data = metaData;
		return {
			method: 'POST',
			path: '/partners/transactions',
			body,
			retailerId: resolveRetailerId(options, item),
			idempotencyKey: resolveIdempotencyKey(options, item),
		};
	},
	moneyMove: {
		amountsOf(request) {
			const { amount } = request.body as { amount: { currency: string; value: string } };
			return [{ currency: amount.currency, amount: amount.value }];
		},
	},
};
