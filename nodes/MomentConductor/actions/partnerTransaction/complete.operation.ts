import { completeTransactionOperation, partnerTransactionAddress } from '../lifecycle.factory';

export const complete = completeTransactionOperation(partnerTransactionAddress);
