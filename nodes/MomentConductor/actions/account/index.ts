import { defineResource } from '../resource.factory';
import { enquire } from './enquire.operation';

export const account = defineResource(
	'account',
	[
		{
			name: 'Enquire',
			value: 'enquire',
			action: 'Enquire about a customer account',
			description: "Get a customer's account details, amount due and bills from a biller",
			implementation: enquire,
		},
	],
	'enquire',
);
