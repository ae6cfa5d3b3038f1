import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/description/field-validation';
import type { ConductorOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID Conductor returned when the order was created',
	},
];

export const get: ConductorOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['order'], operation: ['get'] } },
		properties,
	),
	prepare(itemIndex) {
		const orderId = pathSegment(this.getNodeParameter('orderId', itemIndex, ''), 'Order ID');
		return { method: 'GET', path: `/orders/${orderId}` };
	},
};
