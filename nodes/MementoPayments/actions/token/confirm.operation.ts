import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionalText, requireText } from '../../../shared/validation';
import { readPathId } from '../common.fields';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { tokenUuidField } from './fields';

const properties: INodeProperties[] = [
	tokenUuidField,
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The verification code Memento sent (e.g. by SMS)',
	},
	{
		displayName: 'PIN',
		name: 'pin',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: "The user's PIN, when the authenticator asks for one",
	},
];

export const confirm: MementoOperation = {
	description: forOperation('token', 'confirm', properties),
	prepare(itemIndex) {
		const uuid = readPathId(this, tokenUuidField, itemIndex);
		const secret = requireText(this.getNodeParameter('secret', itemIndex, ''), 'Secret');
		const body: IDataObject = { secret };
		const pin = optionalText(this.getNodeParameter('pin', itemIndex, ''));
		if (pin !== undefined) body.pin = pin;
		return {
			method: 'POST',
			path: `/v1/tokens/${uuid}/secret`,
			body,
			withoutSession: true,
			secrets: pin === undefined ? [secret] : [secret, pin],
		};
	},
};
