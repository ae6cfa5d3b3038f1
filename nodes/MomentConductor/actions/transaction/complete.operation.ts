import { completeTransactionOperation, transactionAddress } from '../lifecycle.factory';

export const complete = completeTransactionOperation(transactionAddress);
