import { statusOperation } from '../product.factory';

export const getStatus = statusOperation('disbursement', 'disbursement');
