import { getManyOperation } from '../operation.factory';
import { CONTACTS_PATH } from './fields';

export const getMany = getManyOperation({
	resource: 'contact',
	path: CONTACTS_PATH,
	fieldExample: 'name',
});
