import { addressedOperation } from '../operation.factory';
import { participantPath, participantUuidField, requestUuidField } from './fields';

/** remind / settle / cancel / receipt of one participant share the address and shape. */
export function participantOperation(
	operation: string,
	method: 'GET' | 'POST',
	action: 'remind' | 'settle' | 'cancel' | 'receipt',
) {
	return addressedOperation({
		resource: 'request',
		operation,
		method,
		ids: [requestUuidField, participantUuidField],
		path: ([uuid, participant]) => `${participantPath(uuid, participant)}/${action}`,
	});
}
