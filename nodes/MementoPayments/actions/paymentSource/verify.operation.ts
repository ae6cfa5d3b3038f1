import { requireText } from '../../../shared/description/field-validation';
import { addressedOperation } from '../operation.factory';
import { PAYMENT_SOURCES_PATH, paymentSourceUuidField } from './fields';

export const verify = addressedOperation({
	resource: 'paymentSource',
	operation: 'verify',
	method: 'POST',
	ids: [paymentSourceUuidField],
	path: ([uuid]) => `${PAYMENT_SOURCES_PATH}/${uuid}/verify`,
	fields: [
		{
			displayName: 'Verification Code',
			name: 'code',
			type: 'string',
			default: '',
			required: true,
			description: 'The code Memento sent, e.g. shown on the card statement',
		},
	],
	readBody(itemIndex) {
		return { code: requireText(this.getNodeParameter('code', itemIndex, ''), 'Verification Code') };
	},
});
