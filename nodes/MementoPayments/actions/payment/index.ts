import { defineResource } from '../../../shared/description/resource';
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
			action:
				"Send a payment (moves money and cannot be undone; the amount is a decimal string, the currency an ISO code or the payment source's)",
			description:
				"Pay a user or a phone number from a payment source (needs the PIN); a payment cannot be undone. The amount is a decimal string (e.g. 12.50); the currency is an ISO 4217 code, or the payment source's when left empty.",
			implementation: create,
		},
		{ name: 'Get', value: 'get', action: 'Get a payment (moves no money)', implementation: get },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many payments (moves no money)',
			description: 'Payments you sent or received',
			implementation: getMany,
		},
		{
			name: 'Get Receipt',
			value: 'getReceipt',
			action: 'Get a payment receipt (moves no money)',
			description: 'The receipt of a fully processed payment',
			implementation: getReceipt,
		},
	],
	'create',
);
