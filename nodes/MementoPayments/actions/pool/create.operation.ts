import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../../shared/description/field-validation';
import { currencyField } from '../common.fields';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import {
	amountsField,
	POOLS_PATH,
	poolDetailOptions,
	readAmounts,
	readOptionalCurrency,
	readPoolDetails,
} from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Office gift for Anna',
	},
	currencyField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [amountsField, ...poolDetailOptions],
	},
];

export const create: MementoOperation = {
	description: forOperation('pool', 'create', properties),
	prepare(itemIndex) {
		const currency = readOptionalCurrency(this.getNodeParameter('currency', itemIndex, ''));
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			name: requireText(this.getNodeParameter('name', itemIndex, ''), 'Name'),
			...readPoolDetails(additional, currency),
		};
		if (currency) body.currency = currency;
		if (additional.amounts !== undefined) body.amounts = readAmounts(additional.amounts, currency);
		return { method: 'POST', path: POOLS_PATH, body };
	},
};
