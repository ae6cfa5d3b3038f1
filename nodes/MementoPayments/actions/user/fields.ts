import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	describeValue,
	FieldError,
	optionalText,
} from '../../../shared/description/field-validation';
import { checkEmail, checkPhone } from '../contact/fields';
import { uuidField } from '../common.fields';

export const USERS_PATH = '/v1/users';
export const CURRENT_USER_PATH = '/v1/users/current';

export const userUuidField = uuidField('userUuid', 'User UUID', 'UUID of the user');

export const profileOptions: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'GB',
		description: 'Two-letter ISO 3166-1 country code',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '+44 123 4567 8901',
	},
	{ displayName: 'Username', name: 'username', type: 'string', default: '' },
];

/** Profile fields in the API's names, checked. */
export function readProfile(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const name of ['name', 'username'] as const) {
		const value = optionalText(fields[name]);
		if (value) body[name] = value;
	}
	const email = checkEmail(fields.email);
	if (email) body.email = email;
	const phone = checkPhone(fields.phone);
	if (phone) body.phone = phone;
	const country = optionalText(fields.country);
	if (country !== undefined) {
		if (!/^[A-Za-z]{2}$/.test(country)) {
			throw new FieldError(
				'Country',
				`Country must be a two-letter code such as GB (got ${describeValue(country)})`,
			);
		}
		body.country = country.toUpperCase();
	}
	return body;
}
