import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { optionalText } from '../../../shared/description/field-validation';
import { requireCurrency } from '../../order-rules';
import { addressLocator, chainField, readAddress, requireChain } from '../common.fields';
import type { MoneriumOperation } from '../types';

const properties: INodeProperties[] = [
	chainField(),
	addressLocator,
	{
		displayName: 'Currencies',
		name: 'currency',
		type: 'multiOptions',
		options: [
			{ name: 'EUR', value: 'eur' },
			{ name: 'GBP', value: 'gbp' },
			{ name: 'ISK', value: 'isk' },
			{ name: 'USD', value: 'usd' },
		],
		default: [],
		description:
			'Currencies to return the balance for (the currency query parameter, repeated). None selected: Monerium answers EUR.',
	},
];

/** One or several currencies: the multi-select's list, or the single value earlier versions saved. */
function readCurrencies(value: unknown): string[] {
	const values = Array.isArray(value) ? value : [value];
	const currencies = values
		.map((entry) => optionalText(entry))
		.filter((entry): entry is string => entry !== undefined)
		.map((entry) => requireCurrency(entry, 'Currencies'));
	return [...new Set(currencies)];
}

export const get: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['balance'], operation: ['get'] } },
		properties,
	),
	prepare(itemIndex) {
		const chain = requireChain(this.getNodeParameter('chain', itemIndex, ''));
		const address = readAddress(this, itemIndex);
		const currencies = readCurrencies(this.getNodeParameter('currency', itemIndex, []));
		// "Can be used multiple times": currency=eur&currency=usd, written into the path because
		// n8n would serialize a query array as currency[0]=eur.
		const query = new URLSearchParams(
			currencies.map((currency): [string, string] => ['currency', currency]),
		);
		const search = currencies.length > 0 ? `?${query.toString()}` : '';
		return {
			request: { method: 'GET', path: `/balances/${chain}/${address}${search}` },
		};
	},
};
