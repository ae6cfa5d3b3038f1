import { addressedOperation } from '../operation.factory';
import { VERIFICATIONS_PATH, verificationUuidField } from './fields';

export const getStatus = addressedOperation({
	resource: 'verification',
	operation: 'getStatus',
	method: 'GET',
	ids: [verificationUuidField],
	path: ([uuid]) => `${VERIFICATIONS_PATH}/${uuid}`,
});
