import { defineResource } from '../../../shared/description/resource';
import type { MoneriumOperation } from '../types';
import { create } from './create.operation';

export const webhook = defineResource<MoneriumOperation>(
	'webhook',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a webhook subscription (moves no money)',
			description: 'Subscribe a URL to notifications (the Monerium Trigger does this for you)',
			implementation: create,
		},
	],
	'create',
);
