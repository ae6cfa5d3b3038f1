import { getTransactionOperation, transactionAddress } from '../lifecycle.factory';

export const get = getTransactionOperation(transactionAddress);
