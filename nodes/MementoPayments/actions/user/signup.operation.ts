import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../../shared/description/field-validation';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { profileOptions, readProfile, USERS_PATH } from './fields';

const properties: INodeProperties[] = [
	{ ...profileOptions[3], required: true, description: 'Full international phone number' },
	{ ...profileOptions[2], required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: profileOptions.filter((option) => !['phone', 'name'].includes(option.name)),
	},
];

export const signup: MementoOperation = {
	description: forOperation('user', 'signup', properties),
	prepare(itemIndex) {
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body = readProfile({
			...additional,
			phone: requireText(this.getNodeParameter('phone', itemIndex, ''), 'Phone'),
			name: requireText(this.getNodeParameter('name', itemIndex, ''), 'Name'),
		});
		// Signing up happens before the person has any token.
		return { method: 'POST', path: USERS_PATH, body, withoutSession: true };
	},
};
