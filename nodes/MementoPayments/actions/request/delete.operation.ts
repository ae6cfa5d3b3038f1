import { deleteByIdOperation } from '../operation.factory';
import { REQUESTS_PATH, requestUuidField } from './fields';

export const deleteRequest = deleteByIdOperation('request', REQUESTS_PATH, requestUuidField);
