import type { IDataObject } from 'n8n-workflow';

import { FieldError } from '../../../shared/description/field-validation';
import { pickFields } from '../common.fields';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { CURRENT_DEVICE_PATH } from './fields';

export const updateCurrent: MementoOperation = {
	description: forOperation('device', 'updateCurrent', [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Make', name: 'make', type: 'string', default: '' },
				{ displayName: 'Model', name: 'model', type: 'string', default: '' },
				{ displayName: 'OS Name', name: 'osName', type: 'string', default: '' },
				{ displayName: 'OS Version', name: 'osVersion', type: 'string', default: '' },
				{
					displayName: 'Push Token',
					name: 'pushToken',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'Where Memento sends push notifications for this device',
				},
				{ displayName: 'SDK Version', name: 'sdkVersion', type: 'string', default: '' },
			],
		},
	]),
	prepare(itemIndex) {
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = pickFields(fields, {
			make: 'make',
			model: 'model',
			osName: 'os_name',
			osVersion: 'os_version',
			pushToken: 'push_token',
			sdkVersion: 'sdk_version',
		});
		if (Object.keys(body).length === 0) {
			throw new FieldError('Update Fields', 'Update Fields must set at least one field');
		}
		return { method: 'PUT', path: CURRENT_DEVICE_PATH, body };
	},
};
