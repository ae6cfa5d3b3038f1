import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requireAmount, requireCurrency } from '../../../shared/money/amounts';
import {
	FieldError,
	optionalText,
	requireText,
} from '../../../shared/description/field-validation';
import { currencyField } from '../common.fields';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { REQUESTS_PATH } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Dinner on Friday',
		description: 'What the money is for; the participants see it',
	},
	currencyField,
	{
		displayName: 'Participants',
		name: 'participants',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Participant',
		default: {},
		required: true,
		options: [
			{
				displayName: 'Participant',
				name: 'participant',
				values: [
					{
						displayName: 'User UUID',
						name: 'userUuid',
						type: 'string',
						default: '',
						description: 'A Memento user; leave empty to use a phone number',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: '+44 123 4567 8901',
					},
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'string',
						default: '',
						placeholder: '12.50',
						description: "This participant's share as a decimal string",
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Image UUID', name: 'imageUuid', type: 'string', default: '' }],
	},
];

function readParticipant(entry: IDataObject, index: number, currency?: string): IDataObject {
	const label = `Participant ${index + 1}`;
	const userUuid = optionalText(entry.userUuid);
	const phone = optionalText(entry.phone);
	if ((userUuid === undefined) === (phone === undefined)) {
		throw new FieldError(label, `${label} needs either a User UUID or a Phone (exactly one)`);
	}
	const participant: IDataObject = userUuid ? { user_uuid: userUuid } : { phone };
	const name = optionalText(entry.name);
	if (name && phone) participant.name = name;
	participant.amount = requireAmount(entry.amount, `${label} Amount`, {
		currency,
		maxDecimals: currency ? undefined : 2,
	});
	return participant;
}

export const create: MementoOperation = {
	description: forOperation('request', 'create', properties),
	prepare(itemIndex) {
		const currencyText = optionalText(this.getNodeParameter('currency', itemIndex, ''));
		const currency = currencyText ? requireCurrency(currencyText, 'Currency') : undefined;
		const entries = ((this.getNodeParameter('participants', itemIndex, {}) as IDataObject)
			.participant ?? []) as IDataObject[];
		if (entries.length === 0) {
			throw new FieldError('Participants', 'Participants must contain at least one participant');
		}
		const body: IDataObject = {
			description: requireText(this.getNodeParameter('description', itemIndex, ''), 'Description'),
			participants: entries.map((entry, index) => readParticipant(entry, index, currency)),
		};
		if (currency) body.currency = currency;
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const imageUuid = optionalText(additional.imageUuid);
		if (imageUuid) body.image_uuid = imageUuid;
		return { method: 'POST', path: REQUESTS_PATH, body };
	},
};
