import { defineResource } from '../resource.factory';
import { cancel } from './cancel.operation';
import { complete } from './complete.operation';
import { create } from './create.operation';
import { get } from './get.operation';

export const partnerTransaction = defineResource(
	'partnerTransaction',
	[
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel a partner transaction',
			description: 'Cancel a pending partner transaction whose payment could not be collected',
			implementation: cancel,
		},
		{
			name: 'Complete',
			value: 'complete',
			action: 'Complete a partner transaction',
			description: 'Complete a pending partner transaction to process the bill payment',
			implementation: complete,
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a partner transaction',
			description: 'Create a partner transaction, optionally completing it at once',
			implementation: create,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a partner transaction',
			description: 'Get the details and status of a partner transaction',
			implementation: get,
		},
	],
	'create',
);
