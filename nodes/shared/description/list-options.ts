import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requirePositiveInteger } from './field-validation';

/** The Return All / Limit pair every list operation has, as n8n's own nodes show it. */
export const returnAllAndLimitFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many results the user asked for: `limit` is undefined when every result is wanted. */
export function readReturnAllAndLimit(
	context: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit: number | undefined } {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	const limit = returnAll
		? undefined
		: requirePositiveInteger(context.getNodeParameter('limit', itemIndex, 50), 'Limit');
	return { returnAll, limit };
}
