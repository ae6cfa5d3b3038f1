import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requireAmount, requireCurrency } from '../../../shared/money/amounts';
import { FieldError, optionalText } from '../../../shared/description/field-validation';
import { pickFields, readTextList, uuidField } from '../common.fields';

export const POOLS_PATH = '/v1/pools';

export const poolUuidField = uuidField('poolUuid', 'Money Pool UUID', 'UUID of the money pool');

export const poolPath = (uuid: string) => `${POOLS_PATH}/${uuid}`;

/** Pool fields both create and update take (update: anything left out stays unchanged). */
export const poolDetailOptions: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'End Date',
		name: 'endsAt',
		type: 'dateTime',
		default: '',
		description: 'When the pool stops taking contributions',
	},
	{ displayName: 'Image UUID', name: 'imageUuid', type: 'string', default: '' },
	{
		displayName: 'Public',
		name: 'isPublic',
		type: 'boolean',
		default: false,
		description: 'Whether anyone can find and contribute to the pool, not only invited users',
	},
	{
		displayName: 'Target Amount',
		name: 'targetAmount',
		type: 'string',
		default: '',
		placeholder: '500.00',
		description: 'The goal of the pool as a decimal string',
	},
];

export const amountsField: INodeProperties = {
	displayName: 'Suggested Amounts',
	name: 'amounts',
	type: 'string',
	default: '',
	placeholder: '5.00, 10.00, 20.00',
	description: 'Amounts offered to contributors, separated by commas',
};

export function readAmounts(value: unknown, currency: string | undefined): string[] {
	return readTextList(value).map((amount, index) =>
		requireAmount(amount, `Suggested Amount ${index + 1}`, {
			currency,
			maxDecimals: currency ? undefined : 2,
		}),
	);
}

/** The detail fields of a pool, checked, in the API's names. */
export function readPoolDetails(fields: IDataObject, currency: string | undefined): IDataObject {
	const body = pickFields(fields, {
		description: 'description',
		imageUuid: 'image_uuid',
		isPublic: 'public',
		endsAt: 'ends_at',
	});
	const target = optionalText(fields.targetAmount);
	if (target !== undefined) {
		body.target_amount = requireAmount(target, 'Target Amount', {
			currency,
			maxDecimals: currency ? undefined : 2,
		});
	}
	return body;
}

export function readOptionalCurrency(value: unknown): string | undefined {
	const text = optionalText(value);
	return text === undefined ? undefined : requireCurrency(text, 'Currency');
}

export function requireSomething(body: IDataObject, field: string): IDataObject {
	if (Object.keys(body).length === 0) throw new FieldError(field, `${field} must change something`);
	return body;
}
