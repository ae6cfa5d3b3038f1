import { getManyOperation } from '../operation.factory';
import { POOLS_PATH } from './fields';

export const getMany = getManyOperation({
	resource: 'pool',
	path: POOLS_PATH,
	owner: true,
	fieldExample: 'status',
});
