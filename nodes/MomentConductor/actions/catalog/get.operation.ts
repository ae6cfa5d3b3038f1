import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { optionalText, requirePositiveInteger } from '../../../shared/validation';
import type { ConductorOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Category Code',
		name: 'categoryCode',
		type: 'string',
		default: '',
		placeholder: 'ng_entertainment_cabletv',
		description: 'Category whose subcategories and products to fetch',
	},
	{
		displayName: 'Depth',
		name: 'depth',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many levels of subcategories and products to include',
	},
];

export const get: ConductorOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['catalog'], operation: ['get'] } },
		properties,
	),
	prepare(itemIndex) {
		const qs: Record<string, string> = {
			depth: String(requirePositiveInteger(this.getNodeParameter('depth', itemIndex, 1), 'Depth')),
		};
		const categoryCode = optionalText(this.getNodeParameter('categoryCode', itemIndex, ''));
		if (categoryCode) qs.category_code = categoryCode;
		return { method: 'GET', path: '/catalogs', qs };
	},
};
