import { cancelTransactionOperation, partnerTransactionAddress } from '../lifecycle.factory';

export const cancel = cancelTransactionOperation(partnerTransactionAddress);
