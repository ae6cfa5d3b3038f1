import { uuidField } from '../common.fields';

export const PAYMENTS_PATH = '/v1/payments';

export const paymentUuidField = uuidField('paymentUuid', 'Payment UUID', 'UUID of the payment');
