import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { optionalText } from '../../../shared/validation';
import { requireCurrency } from '../../order-rules';
import { addressLocator, chainField, readAddress, requireChain } from '../common.fields';
import type { MoneriumOperation } from '../types';

const properties: INodeProperties[] = [
	chainField(),
	addressLocator,
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		options: [
			{ name: 'Default (EUR)', value: '' },
			{ name: 'EUR', value: 'eur' },
			{ name: 'GBP', value: 'gbp' },
			{ name: 'ISK', value: 'isk' },
			{ name: 'USD', value: 'usd' },
		],
		default: '',
	},
];

export const get: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['balance'], operation: ['get'] } },
		properties,
	),
	prepare(itemIndex) {
		const chain = requireChain(this.getNodeParameter('chain', itemIndex, ''));
		const address = readAddress(this, itemIndex);
		const currency = optionalText(this.getNodeParameter('currency', itemIndex, ''));
		return {
			request: {
				method: 'GET',
				path: `/balances/${chain}/${address}`,
				qs: currency ? { currency: requireCurrency(currency) } : undefined,
			},
		};
	},
};
