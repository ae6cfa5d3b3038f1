import { addressedOperation } from '../operation.factory';
import { PAYMENTS_PATH, paymentUuidField } from './fields';

export const getReceipt = addressedOperation({
	resource: 'payment',
	operation: 'getReceipt',
	method: 'GET',
	ids: [paymentUuidField],
	path: ([uuid]) => `${PAYMENTS_PATH}/${uuid}/receipt`,
});
