import { defineResource } from '../../../shared/description/resource';
import type { MomentoOperation } from '../types';
import { create } from './create.operation';
import { getMany } from './getMany.operation';

export const deposit = defineResource<MomentoOperation>(
	'deposit',
	[
		{
			name: 'Create',
			value: 'create',
			action:
				'Create a deposit order (the customer pays in the amount, a decimal string in DOP or USD; an order cannot be undone with this node)',
			description:
				'Create an order for a customer to deposit money. The amount is a decimal string (e.g. 500.00) in DOP or USD. A repeated Order ID returns the first order; an order cannot be undone with this node.',
			implementation: create,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many deposit orders (moves no money)',
			description: 'List deposit orders, newest first',
			implementation: getMany,
		},
	],
	'create',
);
