import type { IDataObject } from 'n8n-workflow';

import { FieldError } from '../../../shared/description/field-validation';
import { addressedOperation } from '../operation.factory';
import { CONTACTS_PATH, contactUuidField, readContactDetails } from './fields';

export const update = addressedOperation({
	resource: 'contact',
	operation: 'update',
	method: 'PUT',
	ids: [contactUuidField],
	path: ([uuid]) => `${CONTACTS_PATH}/${uuid}`,
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			],
		},
	],
	readBody(itemIndex) {
		const body = readContactDetails(
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		);
		if (Object.keys(body).length === 0) {
			throw new FieldError('Update Fields', 'Update Fields must set the name, email or phone');
		}
		return body;
	},
});
