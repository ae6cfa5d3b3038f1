import { getByIdOperation } from '../operation.factory';
import { PAYMENTS_PATH, paymentUuidField } from './fields';

export const get = getByIdOperation('payment', PAYMENTS_PATH, paymentUuidField);
