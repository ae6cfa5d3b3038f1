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
	readPathId,
	readPaymentAuthorization,
} from '../common.fields';
import { contributionMove } from '../move-rules';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { poolPath, poolUuidField } from './fields';

const properties: INodeProperties[] = [
	poolUuidField,
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
				displayName: 'Message',
				name: 'message',
				type: 'string',
				default: '',
				description: 'Shown to the pool owner',
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

export const contribute: MementoOperation = {
	description: forOperation('pool', 'contribute', properties),
	async prepare(itemIndex, item) {
		const uuid = readPathId(this, poolUuidField, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const authorization = await readPaymentAuthorization(this, itemIndex);
		const body: IDataObject = { ...readMoney(this, itemIndex), ...authorization.body };
		const message = optionalText(additional.message);
		if (message) body.message = message;
		return {
			method: 'POST',
			path: `${poolPath(uuid)}/contributions`,
			body,
			idempotencyKey: resolveIdempotencyKey(options, item),
			secrets: authorization.secrets,
		};
	},
	moneyMove: contributionMove,
};
