import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { optionalText, requirePositiveInteger } from '../../../shared/description/field-validation';
import type { ConductorOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'categoryCode',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			'Category whose subcategories and products to fetch; leave empty for every top-level category',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCategories', searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'id',
				type: 'string',
				placeholder: 'ng_entertainment_cabletv',
			},
		],
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
		const categoryCode = optionalText(
			this.getNodeParameter('categoryCode', itemIndex, '', { extractValue: true }),
		);
		if (categoryCode) qs.category_code = categoryCode;
		return { method: 'GET', path: '/catalogs', qs };
	},
};
