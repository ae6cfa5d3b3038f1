import { updateDisplayOptions } from 'n8n-workflow';

import { API_USER_HINT, readReferenceId } from '../common.fields';
import type { MomoOperation } from '../types';
import { apiUserField } from './createApiKey.operation';
import { requireSandbox } from './require-sandbox';

export const getApiUser: MomoOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['sandbox'], operation: ['getApiUser'] } },
		[apiUserField],
	),
	prepare(itemIndex, item) {
		requireSandbox(item.targetEnvironment);
		const apiUser = readReferenceId(
			this.getNodeParameter('apiUser', itemIndex, ''),
			'API User ID',
			API_USER_HINT,
		);
		return {
			request: { method: 'GET', path: `/v1_0/apiuser/${apiUser}`, idempotent: true },
			present: (response) => ({ apiUser, ...response.body }),
		};
	},
};
