import type { IDataObject } from 'n8n-workflow';

import { FieldError } from '../../../shared/description/field-validation';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { CURRENT_USER_PATH, profileOptions, readProfile } from './fields';

export const updateCurrent: MementoOperation = {
	description: forOperation('user', 'updateCurrent', [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: profileOptions,
		},
	]),
	prepare(itemIndex) {
		const body = readProfile(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
		if (Object.keys(body).length === 0) {
			throw new FieldError('Update Fields', 'Update Fields must set at least one field');
		}
		return { method: 'PUT', path: CURRENT_USER_PATH, body };
	},
};
