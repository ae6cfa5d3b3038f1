import { uuidField } from '../common.fields';
import { getByIdOperation } from '../operation.factory';
import { TRANSACTIONS_PATH } from './getMany.operation';

export const get = getByIdOperation(
	'transaction',
	TRANSACTIONS_PATH,
	uuidField('transactionUuid', 'Transaction UUID', 'UUID of the transaction'),
);
