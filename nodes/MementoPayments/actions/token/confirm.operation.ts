import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../../shared/description/field-validation';
import { pinFields, readPathId, readPin, refuseLegacyPinParameter } from '../common.fields';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { tokenUuidField } from './fields';

const properties: INodeProperties[] = [
	tokenUuidField,
	pinFields[1],
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
		displayName: "Send the Credential's PIN",
		name: 'sendPin',
		type: 'boolean',
		default: false,
		description:
			"Whether to send the PIN from the credential's PIN field, when the authenticator asks for one",
	},
	{
		displayName:
			'This operation outputs the new Authentication Token, a secret: paste it into the credential and do not pass the output on',
		name: 'secretOutputNotice',
		type: 'notice',
		default: '',
	},
];

export const confirm: MementoOperation = {
	description: forOperation('token', 'confirm', properties),
	async prepare(itemIndex) {
		const uuid = readPathId(this, tokenUuidField, itemIndex);
		const secret = requireText(this.getNodeParameter('secret', itemIndex, ''), 'Secret');
		const body: IDataObject = { secret };
		refuseLegacyPinParameter(this);
		const pin =
			this.getNodeParameter('sendPin', itemIndex, false) === true ? await readPin(this) : undefined;
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
