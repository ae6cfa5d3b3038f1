import { defineResource } from '../../../shared/description/resource';
import type { MomentoOperation } from '../types';
import { create } from './create.operation';
import { get } from './get.operation';

export const user = defineResource<MomentoOperation>(
	'user',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a user (moves no money)',
			description: 'Register a customer with Momento',
			implementation: create,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a user (moves no money)',
			description: 'Get a customer by cédula',
			implementation: get,
		},
	],
	'get',
);
