import { getManyOperation } from '../operation.factory';
import { PAYMENT_SOURCES_PATH } from './fields';

export const getMany = getManyOperation({
	resource: 'paymentSource',
	path: PAYMENT_SOURCES_PATH,
	fieldExample: 'type',
});
