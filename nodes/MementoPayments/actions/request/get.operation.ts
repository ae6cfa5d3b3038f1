import { getByIdOperation } from '../operation.factory';
import { REQUESTS_PATH, requestUuidField } from './fields';

export const get = getByIdOperation('request', REQUESTS_PATH, requestUuidField);
