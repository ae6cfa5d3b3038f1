import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	describeValue,
	FieldError,
	optionalText,
	requireOneOf,
	requireText,
} from '../../shared/description/field-validation';

/** A payment recipient: a registered user (by UUID, e.g. from contacts) or a phone number. */
export const recipientFields: INodeProperties[] = [
	{
		displayName: 'Recipient',
		name: 'recipientType',
		type: 'options',
		default: 'user',
		options: [
			{ name: 'Memento User', value: 'user', description: 'A registered user, by UUID' },
			{ name: 'Phone Number', value: 'phone', description: 'Anyone, by phone number' },
		],
	},
	{
		displayName: 'Recipient User Name or ID',
		name: 'recipientUserUuid',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getContactUsers' },
		default: '',
		required: true,
		displayOptions: { show: { recipientType: ['user'] } },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Recipient Phone',
		name: 'recipientPhone',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+44 123 4567 8901',
		displayOptions: { show: { recipientType: ['phone'] } },
		description: 'Full international phone number',
	},
	{
		displayName: 'Recipient Name',
		name: 'recipientName',
		type: 'string',
		default: '',
		displayOptions: { show: { recipientType: ['phone'] } },
		description: 'Optional name shown to the recipient',
	},
];

export function readRecipient(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = requireOneOf(
		context.getNodeParameter('recipientType', itemIndex, 'user'),
		['user', 'phone'] as const,
		'Recipient',
	);
	if (type === 'user') {
		return {
			user_uuid: requireText(
				context.getNodeParameter('recipientUserUuid', itemIndex, ''),
				'Recipient User',
			),
		};
	}
	const phone = requireText(
		context.getNodeParameter('recipientPhone', itemIndex, ''),
		'Recipient Phone',
	);
	if (!/^\+?[\d\s()-]{6,}$/.test(phone)) {
		throw new FieldError(
			'Recipient Phone',
			`Recipient Phone must be a full international phone number such as +44 123 4567 8901 (got ${describeValue(phone)})`,
		);
	}
	const name = optionalText(context.getNodeParameter('recipientName', itemIndex, ''));
	return name === undefined ? { phone } : { phone, name };
}
