import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { presentPayment } from '../transport/payment-view';
import type { MomoProduct } from '../constants';
import { readReferenceId } from './common.fields';
import { statusPath } from './send-payment';
import type { MomoOperation } from './types';

/** Get Status of a request to pay (collection) or a transfer (disbursement). */
export function statusOperation(
	resource: 'collection' | 'disbursement',
	product: MomoProduct,
): MomoOperation {
	const properties: INodeProperties[] = [
		{
			displayName: 'Reference ID',
			name: 'referenceId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '3f4b5c2e-8a1d-4c6e-9b7f-1a2b3c4d5e6f',
			description: `The X-Reference-ID of the ${resource === 'collection' ? 'Request to Pay' : 'Transfer'} (the referenceId field of its output)`,
		},
	];
	return {
		description: updateDisplayOptions(
			{ show: { resource: [resource], operation: ['getStatus'] } },
			properties,
		),
		prepare(itemIndex) {
			const referenceId = readReferenceId(
				this.getNodeParameter('referenceId', itemIndex, ''),
				'Reference ID',
				`Use the referenceId a ${resource === 'collection' ? 'Request to Pay' : 'Transfer'} returned.`,
			);
			return {
				request: {
					method: 'GET',
					path: statusPath(product, referenceId),
					product,
					idempotent: true,
				},
				present: (response) => presentPayment(product, referenceId, response.body),
			};
		},
	};
}

/** Get Balance of the collection or disbursement account. */
export function balanceOperation(product: MomoProduct): MomoOperation {
	return {
		description: [],
		prepare() {
			return {
				request: {
					method: 'GET',
					path: `/${product}/v1_0/account/balance`,
					product,
					idempotent: true,
				},
				present: (response) => ({ product, ...response.body }),
			};
		},
	};
}
