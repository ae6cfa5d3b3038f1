import { updateDisplayOptions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/description/field-validation';
import type { MoneriumOperation } from '../types';

export const get: MoneriumOperation = {
	description: updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, [
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '8c0fd7b1-01da-11ed-89c1-52c47a86c354',
		},
	]),
	prepare(itemIndex) {
		const id = pathSegment(this.getNodeParameter('orderId', itemIndex, ''), 'Order ID');
		return { request: { method: 'GET', path: `/orders/${id}` } };
	},
};
