import type { INodeProperties } from 'n8n-workflow';

import { requireOneOf, requireText } from '../../../shared/description/field-validation';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { checkEmail, checkPhone, CONTACTS_PATH } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Create From',
		name: 'createFrom',
		type: 'options',
		default: 'user',
		options: [
			{ name: 'Memento User', value: 'user', description: 'A registered user, by UUID' },
			{ name: 'Name and Phone', value: 'details', description: 'Anyone, with a name and phone' },
		],
	},
	{
		displayName: 'User UUID',
		name: 'userUuid',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { createFrom: ['user'] } },
		description: 'UUID of the user, e.g. from User > Search',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { createFrom: ['details'] } },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+44 123 4567 8901',
		displayOptions: { show: { createFrom: ['details'] } },
		description: 'Full international phone number',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		displayOptions: { show: { createFrom: ['details'] } },
	},
];

export const create: MementoOperation = {
	description: forOperation('contact', 'create', properties),
	prepare(itemIndex) {
		const from = requireOneOf(
			this.getNodeParameter('createFrom', itemIndex, 'user'),
			['user', 'details'] as const,
			'Create From',
		);
		if (from === 'user') {
			const userUuid = requireText(this.getNodeParameter('userUuid', itemIndex, ''), 'User UUID');
			return { method: 'POST', path: CONTACTS_PATH, body: { user_uuid: userUuid } };
		}
		const name = requireText(this.getNodeParameter('name', itemIndex, ''), 'Name');
		const phone = checkPhone(requireText(this.getNodeParameter('phone', itemIndex, ''), 'Phone'));
		const email = checkEmail(this.getNodeParameter('email', itemIndex, ''));
		return {
			method: 'POST',
			path: CONTACTS_PATH,
			body: email ? { name, email, phone } : { name, phone },
		};
	},
};
