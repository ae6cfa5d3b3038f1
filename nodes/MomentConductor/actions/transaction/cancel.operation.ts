import { cancelTransactionOperation, transactionAddress } from '../lifecycle.factory';

export const cancel = cancelTransactionOperation(transactionAddress);
