import { defineResource } from '../../../shared/resource';
import type { MoneriumOperation } from '../types';
import { createMessage } from './createMessage.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { place } from './place.operation';

export const order = defineResource<MoneriumOperation>(
	'order',
	[
		{
			name: 'Create Message',
			value: 'createMessage',
			action: 'Create an order message',
			description: 'Build the exact message the wallet must sign for an order (sends nothing)',
			implementation: createMessage,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an order',
			description: 'Get one order',
			implementation: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many orders',
			description: 'List orders, filtered by address, transaction hash, profile, memo or state',
			implementation: getMany,
		},
		{
			name: 'Place',
			value: 'place',
			action: 'Place an order',
			description: 'Redeem tokens to an IBAN or another chain with a signed message',
			implementation: place,
		},
	],
	'createMessage',
);
