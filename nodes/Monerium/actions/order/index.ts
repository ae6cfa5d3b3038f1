import { defineResource } from '../../../shared/description/resource';
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
			action: 'Create an order message (sends nothing; moves no money)',
			description: 'Build the exact message the wallet must sign for an order (sends nothing)',
			implementation: createMessage,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an order (moves no money)',
			description: 'Get one order',
			implementation: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many orders (moves no money)',
			description: 'List orders, filtered by address, transaction hash, profile, memo or state',
			implementation: getMany,
		},
		{
			name: 'Place',
			value: 'place',
			action:
				'Place an order (redeems tokens to an IBAN or another chain and cannot be undone; the amount is a decimal string with at most two decimals in the order currency)',
			description:
				'Redeem tokens to an IBAN or another chain with the message the wallet signed; an order cannot be undone. The amount is a decimal string with at most two decimals (e.g. 100.50) in the order currency (eur, usd, gbp or isk).',
			implementation: place,
		},
	],
	'createMessage',
);
