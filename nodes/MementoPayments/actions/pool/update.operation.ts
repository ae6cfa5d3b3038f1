import type { IDataObject } from 'n8n-workflow';

import { optionalText } from '../../../shared/description/field-validation';
import { currencyField } from '../common.fields';
import { addressedOperation } from '../operation.factory';
import {
	amountsField,
	poolDetailOptions,
	poolPath,
	poolUuidField,
	readAmounts,
	readOptionalCurrency,
	readPoolDetails,
	requireSomething,
} from './fields';

export const update = addressedOperation({
	resource: 'pool',
	operation: 'update',
	method: 'PUT',
	ids: [poolUuidField],
	path: ([uuid]) => poolPath(uuid),
	fields: [
		{
			displayName: 'Suggested Amounts',
			name: 'amountsMode',
			type: 'options',
			default: 'keep',
			description:
				'Memento keeps the amounts when they are not sent and removes them all for an empty list',
			options: [
				{ name: 'Keep Unchanged', value: 'keep' },
				{ name: 'Replace', value: 'replace' },
				{ name: 'Remove All', value: 'clear' },
			],
		},
		{ ...amountsField, displayOptions: { show: { amountsMode: ['replace'] } } },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ ...currencyField, description: 'ISO 4217 code used to check the amounts' },
				...poolDetailOptions,
			],
		},
	],
	readBody(itemIndex) {
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const currency = readOptionalCurrency(fields.currency);
		const body = readPoolDetails(fields, currency);
		const name = optionalText(fields.name);
		if (name) body.name = name;
		const mode = this.getNodeParameter('amountsMode', itemIndex, 'keep');
		if (mode === 'clear') body.amounts = [];
		if (mode === 'replace') {
			body.amounts = readAmounts(this.getNodeParameter('amounts', itemIndex, ''), currency);
		}
		return requireSomething(body, 'Update Fields');
	},
});
