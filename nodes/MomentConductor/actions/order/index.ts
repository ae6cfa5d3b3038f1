import { defineResource } from '../resource.factory';
import { create } from './create.operation';
import { get } from './get.operation';

export const order = defineResource(
	'order',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create an order',
			description: 'Create an order for one or more catalog products',
			implementation: create,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an order',
			description: 'Get the details of an order',
			implementation: get,
		},
	],
	'create',
);
