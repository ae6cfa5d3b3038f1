import { addressedOperation } from '../operation.factory';
import { requestPath, requestUuidField } from './fields';

export const getReceipt = addressedOperation({
	resource: 'request',
	operation: 'getReceipt',
	method: 'GET',
	ids: [requestUuidField],
	path: ([uuid]) => `${requestPath(uuid)}/receipt`,
});
