import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { pathSegment, requireOneOf } from '../../../shared/description/field-validation';
import { readPartyId } from '../common.fields';
import type { MomoOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Account Holder ID Type',
		name: 'accountHolderIdType',
		type: 'options',
		default: 'msisdn',
		options: [
			{ name: 'MSISDN (Phone Number)', value: 'msisdn' },
			{ name: 'Email', value: 'email' },
			{ name: 'Party Code', value: 'party_code' },
		],
	},
	{
		displayName: 'Account Holder ID',
		name: 'accountHolderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '256772123456',
		description: 'The phone number (with country code), email or party code to check',
	},
];

const PARTY_TYPES = { msisdn: 'MSISDN', email: 'EMAIL', party_code: 'PARTY_CODE' } as const;

export const validateAccountHolder: MomoOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['collection'], operation: ['validateAccountHolder'] } },
		properties,
	),
	prepare(itemIndex) {
		const type = requireOneOf(
			this.getNodeParameter('accountHolderIdType', itemIndex, 'msisdn'),
			['msisdn', 'email', 'party_code'] as const,
			'Account Holder ID Type',
		);
		const id = readPartyId(
			PARTY_TYPES[type],
			this.getNodeParameter('accountHolderId', itemIndex, ''),
			'Account Holder ID',
		);
		return {
			request: {
				method: 'GET',
				path: `/collection/v1_0/accountholder/${type}/${pathSegment(id, 'Account Holder ID')}/active`,
				product: 'collection',
				idempotent: true,
			},
			present: (response) => ({
				accountHolderIdType: type,
				accountHolderId: id,
				active: response.body.result === true,
			}),
		};
	},
};
