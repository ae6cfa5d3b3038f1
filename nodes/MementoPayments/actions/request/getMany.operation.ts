import { getManyOperation } from '../operation.factory';
import { REQUESTS_PATH } from './fields';

export const getMany = getManyOperation({
	resource: 'request',
	path: REQUESTS_PATH,
	owner: true,
	fieldExample: 'status',
});
