import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readReturnAllAndLimit } from '../../shared/description/list-options';

import { listFields } from './order.fields';
import type { MomentoRequest, OrderKind } from './types';
import { optionalOrderId, requireCedula } from './validation';

const ORDER_STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;

export function orderListFields(kind: OrderKind): INodeProperties[] {
	return [
		...listFields(kind),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { show: { resource: [kind], operation: ['getMany'] } },
			options: [
				{
					displayName: 'Customer ID Number (Cédula)',
					name: 'idNumber',
					type: 'string',
					default: '',
					description: 'Only orders of this customer',
				},
				{
					displayName: 'Order ID',
					name: 'orderId',
					type: 'string',
					default: '',
					description: 'Only the order with this orderID',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'pending',
					options: ORDER_STATUSES.map((status) => ({
						name: status.charAt(0).toUpperCase() + status.slice(1),
						value: status,
					})),
				},
			],
		},
	];
}

export function prepareOrderList(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
): MomentoRequest {
	const { returnAll, limit: wanted } = readReturnAllAndLimit(context, itemIndex);
	const limit = wanted ?? 0;
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: Record<string, string> = {};
	const orderId = optionalOrderId(filters.orderId);
	if (orderId) qs.orderID = orderId;
	if (typeof filters.status === 'string' && filters.status !== '') qs.status = filters.status;
	if (filters.idNumber !== undefined && filters.idNumber !== '') {
		qs.id_number = requireCedula(filters.idNumber, 'Filters > Customer ID Number (Cédula)');
	}
	return { method: 'GET', path, qs, list: { returnAll, limit } };
}
