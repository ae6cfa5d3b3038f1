import type { INodeProperties } from 'n8n-workflow';

import { requireText } from '../../../shared/description/field-validation';
import { amountField, currencyField, paymentSourceField, readMoney } from '../common.fields';
import { forOperation } from '../operation.factory';
import { readRecipient, recipientFields } from '../recipient.fields';
import type { MementoOperation } from '../types';

const properties: INodeProperties[] = [
	paymentSourceField,
	...recipientFields,
	amountField,
	currencyField,
];

export const calculate: MementoOperation = {
	description: forOperation('fee', 'calculate', properties),
	prepare(itemIndex) {
		return {
			method: 'POST',
			path: '/v1/fees/calculate',
			body: {
				payment_source_uuid: requireText(
					this.getNodeParameter('paymentSourceUuid', itemIndex, ''),
					'Payment Source',
				),
				...readRecipient(this, itemIndex),
				...readMoney(this, itemIndex),
			},
			// A calculation changes nothing: asking twice is harmless.
			safeToRetry: true,
		};
	},
};
