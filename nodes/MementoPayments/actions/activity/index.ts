import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { getUpdates } from './getUpdates.operation';

export const activity = defineResource<MementoOperation>(
	'activity',
	[
		{
			name: 'Get Updates',
			value: 'getUpdates',
			action: 'Get activity updates (moves no money)',
			description: 'Whether there are new payments received or due since a time',
			implementation: getUpdates,
		},
	],
	'getUpdates',
);
