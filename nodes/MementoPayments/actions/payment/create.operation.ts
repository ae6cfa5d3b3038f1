import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { resolveIdempotencyKey } from '../../../shared/money/idempotency';
import { safetyOptions } from '../../../shared/money/spending-limits';
import { optionalText } from '../../../shared/description/field-validation';
import {
	amountField,
	currencyField,
	idempotencyKeyOption,
	paymentSourceField,
	pinFields,
	readMoney,
	readPaymentAuthorization,
} from '../common.fields';
import { paymentMove } from '../move-rules';
import { forOperation } from '../operation.factory';
import { readRecipient, recipientFields } from '../recipient.fields';
import type { MementoOperation } from '../types';
import { PAYMENTS_PATH } from './fields';

const properties: INodeProperties[] = [
	...recipientFields,
	amountField,
	currencyField,
	paymentSourceField,
	...pinFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Message shown to the recipient',
			},
			{
				displayName: 'Image UUID',
				name: 'imageUuid',
				type: 'string',
				default: '',
				description: 'An image uploaded with Image > Upload',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [idempotencyKeyOption],
	},
	safetyOptions,
];

export const create: MementoOperation = {
	description: forOperation('payment', 'create', properties),
	async prepare(itemIndex, item) {
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const authorization = await readPaymentAuthorization(this, itemIndex);
		const body: IDataObject = {
			...readRecipient(this, itemIndex),
			...readMoney(this, itemIndex),
			...authorization.body,
		};
		const description = optionalText(additional.description);
		if (description) body.description = description;
		const imageUuid = optionalText(additional.imageUuid);
		if (imageUuid) body.image_uuid = imageUuid;
		return {
			method: 'POST',
			path: PAYMENTS_PATH,
			body,
			idempotencyKey: resolveIdempotencyKey(options, item),
			secrets: authorization.secrets,
		};
	},
	moneyMove: paymentMove,
};
