import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { getMany } from './getMany.operation';

export const notification = defineResource<MementoOperation>(
	'notification',
	[
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many notifications (moves no money)',
			implementation: getMany,
		},
	],
	'getMany',
);
