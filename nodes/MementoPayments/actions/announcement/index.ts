import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const announcement = defineResource<MementoOperation>(
	'announcement',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get an announcement (moves no money)',
			implementation: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many announcements (moves no money)',
			implementation: getMany,
		},
	],
	'getMany',
);
