import type { IDataObject } from 'n8n-workflow';

import {
	describeValue,
	FieldError,
	optionalText,
} from '../../../shared/description/field-validation';
import { uuidField } from '../common.fields';

export const CONTACTS_PATH = '/v1/contacts';

export const contactUuidField = uuidField('contactUuid', 'Contact UUID', 'UUID of the contact');

export function checkEmail(value: unknown): string | undefined {
	const email = optionalText(value);
	if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
		throw new FieldError('Email', `Email must be an email address (got ${describeValue(email)})`);
	}
	return email;
}

export function checkPhone(value: unknown): string | undefined {
	const phone = optionalText(value);
	if (phone !== undefined && !/^\+[\d\s()-]{6,}$/.test(phone)) {
		throw new FieldError(
			'Phone',
			`Phone must be a full international number starting with + (got ${describeValue(phone)})`,
		);
	}
	return phone;
}

/** name / email / phone as the API names them, leaving out empty ones. */
export function readContactDetails(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const name = optionalText(fields.name);
	if (name) body.name = name;
	const email = checkEmail(fields.email);
	if (email) body.email = email;
	const phone = checkPhone(fields.phone);
	if (phone) body.phone = phone;
	return body;
}
