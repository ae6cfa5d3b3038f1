import { deleteByIdOperation } from '../operation.factory';
import { CONTACTS_PATH, contactUuidField } from './fields';

export const deleteContact = deleteByIdOperation('contact', CONTACTS_PATH, contactUuidField);
