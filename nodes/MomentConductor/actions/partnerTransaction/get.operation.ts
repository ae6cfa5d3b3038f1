import { getTransactionOperation, partnerTransactionAddress } from '../lifecycle.factory';

export const get = getTransactionOperation(partnerTransactionAddress);
