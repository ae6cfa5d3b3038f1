import { addressedOperation } from '../operation.factory';
import { requestPath, requestUuidField } from './fields';

export const reject = addressedOperation({
	resource: 'request',
	operation: 'reject',
	method: 'POST',
	ids: [requestUuidField],
	path: ([uuid]) => `${requestPath(uuid)}/reject`,
});
