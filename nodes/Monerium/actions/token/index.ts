import { defineResource } from '../../../shared/description/resource';
import type { MoneriumOperation } from '../types';
import { getMany } from './getMany.operation';

export const token = defineResource<MoneriumOperation>(
	'token',
	[
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many tokens (moves no money)',
			description: 'List the e-money tokens with their chains, contract addresses and decimals',
			implementation: getMany,
		},
	],
	'getMany',
);
