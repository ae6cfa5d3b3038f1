import { addressedOperation } from '../operation.factory';
import { tokenUuidField } from './fields';

export const getStatus = addressedOperation({
	resource: 'token',
	operation: 'getStatus',
	method: 'GET',
	ids: [tokenUuidField],
	path: ([uuid]) => `/v1/tokens/${uuid}`,
	withoutSession: true,
});
