import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { calculate } from './calculate.operation';

export const fee = defineResource<MementoOperation>(
	'fee',
	[
		{
			name: 'Calculate',
			value: 'calculate',
			action: 'Calculate a payment fee (moves no money)',
			description: 'The fee for sending an amount from a payment source to a recipient',
			implementation: calculate,
		},
	],
	'calculate',
);
