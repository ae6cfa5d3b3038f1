import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { resolveIdempotencyKey } from '../../../shared/money/idempotency';
import { safetyOptions } from '../../../shared/money/spending-limits';
import {
	idempotencyKeyOption,
	paymentSourceField,
	pinFields,
	readPathId,
	readPaymentAuthorization,
} from '../common.fields';
import { payRequestShare } from '../move-rules';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { requestPath, requestUuidField } from './fields';

const properties: INodeProperties[] = [
	requestUuidField,
	paymentSourceField,
	...pinFields,
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

export const pay: MementoOperation = {
	description: forOperation('request', 'pay', properties),
	async prepare(itemIndex, item) {
		const uuid = readPathId(this, requestUuidField, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const authorization = await readPaymentAuthorization(this, itemIndex);
		return {
			method: 'POST',
			path: `${requestPath(uuid)}/pay`,
			body: authorization.body,
			idempotencyKey: resolveIdempotencyKey(options, item),
			secrets: authorization.secrets,
		};
	},
	moneyMove: payRequestShare,
};
