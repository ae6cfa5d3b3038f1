import { defineResource } from '../../../shared/description/resource';
import type { MomentoOperation } from '../types';
import { getUsd } from './getUsd.operation';

export const quote = defineResource<MomentoOperation>(
	'quote',
	[
		{
			name: 'Get USD Quotes',
			value: 'getUsd',
			action: 'Get USD quotes (moves no money)',
			description: 'Current USD buy and sell prices in DOP (public endpoint)',
			implementation: getUsd,
		},
	],
	'getUsd',
);
