import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { CURRENT_USER_PATH } from './fields';

export const getCurrent: MementoOperation = {
	description: forOperation('user', 'getCurrent', []),
	prepare: () => ({ method: 'GET', path: CURRENT_USER_PATH }),
};
