import type { IDataObject } from 'n8n-workflow';

import { FieldError } from '../../../shared/description/field-validation';
import { pickFields } from '../common.fields';
import { addressedOperation } from '../operation.factory';
import { requestPath, requestUuidField } from './fields';

export const update = addressedOperation({
	resource: 'request',
	operation: 'update',
	method: 'PUT',
	ids: [requestUuidField],
	path: ([uuid]) => requestPath(uuid),
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Memento lets you change only the description and the image of a request',
			options: [
				{ displayName: 'Description', name: 'description', type: 'string', default: '' },
				{ displayName: 'Image UUID', name: 'imageUuid', type: 'string', default: '' },
			],
		},
	],
	readBody(itemIndex) {
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = pickFields(fields, { description: 'description', imageUuid: 'image_uuid' });
		if (Object.keys(body).length === 0) {
			throw new FieldError('Update Fields', 'Update Fields must set the description or the image');
		}
		return body;
	},
});
