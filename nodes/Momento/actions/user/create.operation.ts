import { updateDisplayOptions, type IDataObject } from 'n8n-workflow';

import {
	describeValue,
	FieldError,
	optionalText,
	requireText,
} from '../../../shared/description/field-validation';
import type { MomentoOperation } from '../types';
import { requireEmail } from '../validation';
import { idNumberField, readIdNumber, userOptions } from './fields';

export const create: MomentoOperation = {
	description: updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
		},
		idNumberField,
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
					placeholder: '+18095550100',
					description: '10 to 15 digits, optionally with a leading +',
				},
			],
		},
		userOptions,
	]),
	prepare(itemIndex) {
		const idNumber = readIdNumber(this, itemIndex);
		const body: IDataObject = {
			email: requireEmail(this.getNodeParameter('email', itemIndex, '')),
			id_number: idNumber,
			first_name: requireText(this.getNodeParameter('firstName', itemIndex, ''), 'First Name'),
			last_name: requireText(this.getNodeParameter('lastName', itemIndex, ''), 'Last Name'),
		};
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const phone = optionalText(additional.phone)?.replace(/[\s()-]/g, '');
		if (phone !== undefined) {
			if (!/^\+?\d{10,15}$/.test(phone)) {
				throw new FieldError(
					'Phone',
					`Phone must be 10 to 15 digits (got ${describeValue(phone)})`,
				);
			}
			body.phone = phone;
		}
		return { method: 'POST', path: '/users/', body, replay: { kind: 'user', idNumber } };
	},
};
