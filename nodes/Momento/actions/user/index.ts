import { defineResource } from '../../../shared/resource';
import type { MomentoOperation } from '../types';
import { create } from './create.operation';
import { get } from './get.operation';

export const user = defineResource<MomentoOperation>(
	'user',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a user',
			description: 'Register a customer with Momento',
			implementation: create,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a user',
			description: 'Get a customer by cédula',
			implementation: get,
		},
	],
	'get',
);
