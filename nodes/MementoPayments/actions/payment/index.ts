import { defineResource } from '../../../shared/resource';
import type { MementoOperation } from '../types';
import { create } from './create.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getReceipt } from './getReceipt.operation';

export const payment = defineResource<MementoOperation>(
	'payment',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Send a payment',
			description: 'Pay a user or a phone number from a payment source (needs the PIN)',
			implementation: create,
		},
		{ name: 'Get', value: 'get', action: 'Get a payment', implementation: get },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many payments',
			description: 'Payments you sent or received',
			implementation: getMany,
		},
		{
			name: 'Get Receipt',
			value: 'getReceipt',
			action: 'Get a payment receipt',
			description: 'The receipt of a fully processed payment',
			implementation: getReceipt,
		},
	],
	'create',
);
