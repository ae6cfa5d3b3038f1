import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import {
	describeValue,
	FieldError,
	requireText,
} from '../../../shared/description/field-validation';
import type { MoneriumOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description:
			'The email address your platform has validated; it becomes the user name at Monerium',
	},
];

export const signup: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['auth'], operation: ['signup'] } },
		properties,
	),
	prepare(itemIndex) {
		const email = requireText(this.getNodeParameter('email', itemIndex, ''), 'Email');
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
			throw new FieldError('Email', `Email is not an email address (got ${describeValue(email)})`);
		}
		return {
			request: { method: 'POST', path: '/auth/signup', body: { email }, acceptStatuses: [304] },
			// 304: the user exists already; your app needs their authorization (authorization flow).
			output: (body, statusCode) =>
				statusCode === 304
					? {
							email,
							created: false,
							alreadyExists: true,
							message:
								'This user already has a Monerium account: send them through the authorization flow to get access.',
						}
					: { ...body, created: true, alreadyExists: false },
		};
	},
};
