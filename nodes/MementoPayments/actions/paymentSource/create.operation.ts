import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requireCurrency } from '../../../shared/money/amounts';
import {
	parseJsonObject,
	requireOneOf,
	requireText,
} from '../../../shared/description/field-validation';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { PAYMENT_SOURCES_PATH } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'sourceType',
		type: 'options',
		default: 'card',
		options: [
			{ name: 'Bank Account', value: 'bank_account' },
			{ name: 'Card', value: 'card' },
		],
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Company card',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'GBP',
		description: 'ISO 4217 code of the source',
	},
	{
		displayName: 'Details',
		name: 'details',
		type: 'json',
		default: '{"token": ""}',
		description:
			'What your payment gateway needs to register the source, e.g. a card token from the gateway (never raw card numbers)',
	},
];

export const create: MementoOperation = {
	description: forOperation('paymentSource', 'create', properties),
	prepare(itemIndex) {
		const body: IDataObject = {
			type: requireOneOf(
				this.getNodeParameter('sourceType', itemIndex, 'card'),
				['card', 'bank_account'] as const,
				'Type',
			),
			name: requireText(this.getNodeParameter('name', itemIndex, ''), 'Name'),
			currency: requireCurrency(this.getNodeParameter('currency', itemIndex, ''), 'Currency'),
		};
		const details = parseJsonObject(this.getNodeParameter('details', itemIndex, '{}'), 'Details');
		if (details && Object.keys(details).length > 0) body.details = details as IDataObject;
		return { method: 'POST', path: PAYMENT_SOURCES_PATH, body };
	},
};
