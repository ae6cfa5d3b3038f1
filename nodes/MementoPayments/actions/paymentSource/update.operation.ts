import type { IDataObject } from 'n8n-workflow';

import { FieldError } from '../../../shared/description/field-validation';
import { pickFields } from '../common.fields';
import { addressedOperation } from '../operation.factory';
import { PAYMENT_SOURCES_PATH, paymentSourceUuidField } from './fields';

export const update = addressedOperation({
	resource: 'paymentSource',
	operation: 'update',
	method: 'PUT',
	ids: [paymentSourceUuidField],
	path: ([uuid]) => `${PAYMENT_SOURCES_PATH}/${uuid}`,
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Default',
					name: 'isDefault',
					type: 'boolean',
					default: true,
					description: 'Whether payments use this source unless told otherwise',
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			],
		},
	],
	readBody(itemIndex) {
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = pickFields(fields, { name: 'name', isDefault: 'default' });
		if (Object.keys(body).length === 0) {
			throw new FieldError('Update Fields', 'Update Fields must set the name or default');
		}
		return body;
	},
});
