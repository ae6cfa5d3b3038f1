import { addressedOperation } from '../operation.factory';
import { poolPath, poolUuidField } from './fields';

export const close = addressedOperation({
	resource: 'pool',
	operation: 'close',
	method: 'POST',
	ids: [poolUuidField],
	path: ([uuid]) => `${poolPath(uuid)}/close`,
});
