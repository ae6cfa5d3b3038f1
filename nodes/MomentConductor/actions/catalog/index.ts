import { defineResource } from '../../../shared/description/resource';
import { get } from './get.operation';

export const catalog = defineResource(
	'catalog',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a catalog (moves no money)',
			description: "Get a biller's product catalog: categories, subcategories and products",
			implementation: get,
		},
	],
	'get',
);
