import { defineResource } from '../../../shared/description/resource';
import type { MoneriumOperation } from '../types';
import { get } from './get.operation';

export const balance = defineResource<MoneriumOperation>(
	'balance',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a balance (moves no money)',
			description: 'Get the balance of an address on a chain',
			implementation: get,
		},
	],
	'get',
);
