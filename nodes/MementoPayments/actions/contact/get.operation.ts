import { getByIdOperation } from '../operation.factory';
import { CONTACTS_PATH, contactUuidField } from './fields';

export const get = getByIdOperation('contact', CONTACTS_PATH, contactUuidField);
