import { defineResource } from '../resource.factory';
import { cancel } from './cancel.operation';
import { complete } from './complete.operation';
import { create } from './create.operation';
import { get } from './get.operation';

export const transaction = defineResource(
	'transaction',
	[
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel a transaction',
			description: 'Cancel a pending transaction whose payment could not be collected',
			implementation: cancel,
		},
		{
			name: 'Complete',
			value: 'complete',
			action: 'Complete a transaction',
			description: 'Complete a pending transaction to process the bill payment',
			implementation: complete,
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a transaction',
			description: 'Create a transaction, optionally completing it at once',
			implementation: create,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a transaction',
			description: 'Get the details and status of a transaction',
			implementation: get,
		},
	],
	'create',
);
