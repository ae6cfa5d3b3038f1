import { getByIdOperation } from '../operation.factory';
import { USERS_PATH, userUuidField } from './fields';

export const get = getByIdOperation('user', USERS_PATH, userUuidField);
