import { getManyOperation } from '../operation.factory';

export const TRANSACTIONS_PATH = '/v1/transactions';

export const getMany = getManyOperation({
	resource: 'transaction',
	path: TRANSACTIONS_PATH,
	fieldExample: 'type',
});
