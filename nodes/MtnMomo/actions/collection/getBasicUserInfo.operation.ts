import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { normalizeMsisdn } from '../common.fields';
import type { MomoOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'MSISDN',
		name: 'msisdn',
		type: 'string',
		default: '',
		required: true,
		placeholder: '256772123456',
		description: 'Phone number of the account holder, with country code',
	},
];

export const getBasicUserInfo: MomoOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['collection'], operation: ['getBasicUserInfo'] } },
		properties,
	),
	prepare(itemIndex) {
		const msisdn = normalizeMsisdn(this.getNodeParameter('msisdn', itemIndex, ''), 'MSISDN');
		return {
			request: {
				method: 'GET',
				path: `/collection/v1_0/accountholder/msisdn/${msisdn}/basicuserinfo`,
				product: 'collection',
				idempotent: true,
				notFoundHint:
					'MoMo knows no account holder with this MSISDN: check the number and its country code (digits only, e.g. 256772123456).',
			},
			present: (response) => ({ msisdn, ...response.body }),
		};
	},
};
