import { paymentOperation } from '../payment.factory';

export const requestToPay = paymentOperation({
	resource: 'collection',
	operation: 'requestToPay',
	product: 'collection',
	path: '/collection/v1_0/requesttopay',
	party: 'payer',
	partyLabel: 'Payer',
});
