import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { CURRENT_DEVICE_PATH } from './fields';

export const getCurrent: MementoOperation = {
	description: forOperation('device', 'getCurrent', []),
	prepare: () => ({ method: 'GET', path: CURRENT_DEVICE_PATH }),
};
