import { defineResource } from '../../../shared/description/resource';
import { create } from './create.operation';
import { get } from './get.operation';

export const order = defineResource(
	'order',
	[
		{
			name: 'Create',
			value: 'create',
			action:
				'Create an order of catalog products (pays for them and cannot be undone; amounts are decimal strings with a currency code)',
			description:
				'Order one or more catalog products and pay for them; an order cannot be undone. Amounts are decimal strings (e.g. 20.00) in an ISO 4217 currency; products priced by the catalog need none.',
			implementation: create,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an order (moves no money)',
			description: 'Get the details of an order',
			implementation: get,
		},
	],
	'create',
);
