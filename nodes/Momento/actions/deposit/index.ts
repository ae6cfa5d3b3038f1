import { defineResource } from '../../../shared/resource';
import type { MomentoOperation } from '../types';
import { create } from './create.operation';
import { getMany } from './getMany.operation';

export const deposit = defineResource<MomentoOperation>(
	'deposit',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a deposit order',
			description: 'Create a deposit order; a repeated Order ID returns the first order',
			implementation: create,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many deposit orders',
			description: 'List deposit orders, newest first',
			implementation: getMany,
		},
	],
	'create',
);
