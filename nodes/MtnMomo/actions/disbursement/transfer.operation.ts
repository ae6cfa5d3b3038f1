import { paymentOperation } from '../payment.factory';

export const transfer = paymentOperation({
	resource: 'disbursement',
	operation: 'transfer',
	product: 'disbursement',
	path: '/disbursement/v1_0/transfer',
	party: 'payee',
	partyLabel: 'Payee',
});
