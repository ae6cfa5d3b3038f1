import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const transaction = defineResource<MementoOperation>(
	'transaction',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a transaction (moves no money)',
			implementation: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many transactions (moves no money)',
			description: 'Money in and out of all your payment sources',
			implementation: getMany,
		},
	],
	'getMany',
);
