import { getManyOperation } from '../operation.factory';
import { poolPath, poolUuidField } from './fields';

export const getParticipants = getManyOperation({
	resource: 'pool',
	operation: 'getParticipants',
	ids: [poolUuidField],
	path: ([uuid]) => `${poolPath(uuid)}/participants`,
	fieldExample: 'status',
});
