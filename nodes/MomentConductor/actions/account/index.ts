import { defineResource } from '../../../shared/description/resource';
import { enquire } from './enquire.operation';

export const account = defineResource(
	'account',
	[
		{
			name: 'Enquire',
			value: 'enquire',
			action: 'Look up a customer account and its open bills (moves no money)',
			description: "Get a customer's account details, amount due and bills from a biller",
			implementation: enquire,
		},
	],
	'enquire',
);
