import { balanceOperation } from '../product.factory';

export const getBalance = balanceOperation('disbursement');
