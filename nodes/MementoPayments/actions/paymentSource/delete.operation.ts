import { deleteByIdOperation } from '../operation.factory';
import { PAYMENT_SOURCES_PATH, paymentSourceUuidField } from './fields';

export const deleteSource = deleteByIdOperation(
	'paymentSource',
	PAYMENT_SOURCES_PATH,
	paymentSourceUuidField,
);
