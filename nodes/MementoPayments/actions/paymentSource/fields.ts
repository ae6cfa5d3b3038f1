import { uuidField } from '../common.fields';

export const PAYMENT_SOURCES_PATH = '/v1/payment-sources';

export const paymentSourceUuidField = uuidField(
	'sourceUuid',
	'Payment Source UUID',
	'UUID of the payment source',
);
