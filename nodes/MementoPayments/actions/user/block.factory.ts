import { addressedOperation } from '../operation.factory';
import { USERS_PATH, userUuidField } from './fields';

/** block and unblock differ only in the action. */
export function blockingOperation(action: 'block' | 'unblock') {
	return addressedOperation({
		resource: 'user',
		operation: action,
		method: 'POST',
		ids: [userUuidField],
		path: ([uuid]) => `${USERS_PATH}/${uuid}/${action}`,
	});
}
