import { getManyOperation } from '../operation.factory';
import { PAYMENTS_PATH } from './fields';

export const getMany = getManyOperation({
	resource: 'payment',
	path: PAYMENTS_PATH,
	owner: true,
	fieldExample: 'status',
});
