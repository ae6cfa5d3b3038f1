import { getByIdOperation } from '../operation.factory';
import { PAYMENT_SOURCES_PATH, paymentSourceUuidField } from './fields';

export const get = getByIdOperation('paymentSource', PAYMENT_SOURCES_PATH, paymentSourceUuidField);
