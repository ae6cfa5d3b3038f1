import { defineResource } from '../../../shared/description/resource';
import type { MomoOperation } from '../types';
import { createApiKey } from './createApiKey.operation';
import { createApiUser } from './createApiUser.operation';
import { getApiUser } from './getApiUser.operation';

export const sandbox = defineResource<MomoOperation>(
	'sandbox',
	[
		{
			name: 'Create API Key',
			value: 'createApiKey',
			action: 'Create a sandbox API key (moves no money)',
			description: 'Create an API key for a sandbox API user (each call makes a new key)',
			implementation: createApiKey,
		},
		{
			name: 'Create API User',
			value: 'createApiUser',
			action: 'Create a sandbox API user (moves no money)',
			description: 'Create an API user in the MoMo sandbox, with the host of your callback URLs',
			implementation: createApiUser,
		},
		{
			name: 'Get API User',
			value: 'getApiUser',
			action: 'Get a sandbox API user (moves no money)',
			description: 'Get the callback host and target environment of a sandbox API user',
			implementation: getApiUser,
		},
	],
	'createApiUser',
);
