import { defineResource } from '../../../shared/resource';
import type { MomentoOperation } from '../types';
import { create } from './create.operation';
import { getMany } from './getMany.operation';

export const withdrawal = defineResource<MomentoOperation>(
	'withdrawal',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a withdrawal order',
			description: 'Create a withdrawal order; a repeated Order ID returns the first order',
			implementation: create,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many withdrawal orders',
			description: 'List withdrawal orders, newest first',
			implementation: getMany,
		},
	],
	'create',
);
