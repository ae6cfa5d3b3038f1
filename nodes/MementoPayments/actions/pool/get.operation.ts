import { getByIdOperation } from '../operation.factory';
import { POOLS_PATH, poolUuidField } from './fields';

export const get = getByIdOperation('pool', POOLS_PATH, poolUuidField);
