import { defineResource } from '../../../shared/description/resource';
import type { MomentoOperation } from '../types';
import { create } from './create.operation';
import { getMany } from './getMany.operation';

export const withdrawal = defineResource<MomentoOperation>(
	'withdrawal',
	[
		{
			name: 'Create',
			value: 'create',
			action:
				"Create a withdrawal order (pays the amount, a decimal string in DOP or USD, out to the customer's bank; cannot be undone)",
			description:
				"Create an order that pays money out to the customer's bank account. The amount is a decimal string (e.g. 500.00) in DOP or USD. A repeated Order ID returns the first order; a payout cannot be undone.",
			implementation: create,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many withdrawal orders (moves no money)',
			description: 'List withdrawal orders, newest first',
			implementation: getMany,
		},
	],
	'create',
);
