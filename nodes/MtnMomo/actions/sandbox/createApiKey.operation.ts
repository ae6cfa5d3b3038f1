import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { API_USER_HINT, readReferenceId } from '../common.fields';
import type { MomoOperation } from '../types';
import { requireSandbox } from './require-sandbox';

export const apiUserField: INodeProperties = {
	displayName: 'API User ID',
	name: 'apiUser',
	type: 'string',
	default: '',
	required: true,
	placeholder: '3f4b5c2e-8a1d-4c6e-9b7f-1a2b3c4d5e6f',
	description: 'The API user UUID (the apiUser field of Create API User)',
};

export const createApiKey: MomoOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['sandbox'], operation: ['createApiKey'] } },
		[
			apiUserField,
			{
				displayName:
					'This operation outputs the new API key, a secret: copy it into the MTN MoMo credential and do not pass the output on',
				name: 'secretOutputNotice',
				type: 'notice',
				default: '',
			},
		],
	),
	prepare(itemIndex, item) {
		requireSandbox(item.targetEnvironment);
		const apiUser = readReferenceId(
			this.getNodeParameter('apiUser', itemIndex, ''),
			'API User ID',
			API_USER_HINT,
		);
		return {
			// Every call makes a new key, so it is never sent twice.
			request: { method: 'POST', path: `/v1_0/apiuser/${apiUser}/apikey`, idempotent: false },
			present: (response) => ({ apiUser, apiKey: response.body.apiKey }),
		};
	},
};
