import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import {
	FieldError,
	optionalText,
	requireText,
} from '../../../shared/description/field-validation';
import { LINK_ADDRESS_MESSAGE, requireAddress, requireUuid } from '../../order-rules';
import { chainField, requireChain } from '../common.fields';
import type { MoneriumOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'linkAddress',
		type: 'string',
		default: '',
		required: true,
		placeholder: '0x59cFC408d310697f9D3598e1BE75B0157a072407',
		description: 'The wallet address to link',
	},
	chainField(),
	{
		displayName: 'Signature',
		name: 'signature',
		type: 'string',
		default: '',
		required: true,
		placeholder: '0x...',
		description: `The wallet's signature of the message "${LINK_ADDRESS_MESSAGE}" (use "0x" for a Safe that signs on chain)`,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Profile ID',
				name: 'profile',
				type: 'string',
				default: '',
				description: 'The profile to link the address to; by default the caller profile',
			},
		],
	},
];

export const link: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['address'], operation: ['link'] } },
		properties,
	),
	prepare(itemIndex) {
		const address = requireAddress(this.getNodeParameter('linkAddress', itemIndex, ''));
		const chain = requireChain(this.getNodeParameter('chain', itemIndex, ''));
		const signature = requireText(this.getNodeParameter('signature', itemIndex, ''), 'Signature');
		if (!/^0x[0-9a-fA-F]*$/.test(signature)) {
			throw new FieldError('Signature', 'Signature must be 0x followed by hexadecimal characters');
		}
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { address, chain, message: LINK_ADDRESS_MESSAGE, signature };
		const profile = optionalText(additional.profile);
		if (profile) body.profile = requireUuid(profile, 'Profile ID');
		return {
			request: { method: 'POST', path: '/addresses', body },
			output: (response) => ({ address, chain, ...response }),
		};
	},
};
