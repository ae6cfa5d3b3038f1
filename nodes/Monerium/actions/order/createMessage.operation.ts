import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import {
	describeValue,
	FieldError,
	optionalText,
} from '../../../shared/description/field-validation';
import { buildOrderMessage, formatMessageTime } from '../../order-rules';
import type { MoneriumOperation } from '../types';
import { orderMoneyFields, readOrderMoney } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Short IBAN Form',
				name: 'shortIban',
				type: 'boolean',
				default: false,
				description:
					'Whether to write the IBAN as its first and last four characters (e.g. EE12...2602), the short form Monerium accepts since 2024-10-07',
			},
			{
				displayName: 'Time',
				name: 'time',
				type: 'dateTime',
				default: '',
				description:
					'Time written into the message (default: now). Monerium only accepts recent messages.',
			},
		],
	},
];

export const createMessage: MoneriumOperation = {
	description: [
		...orderMoneyFields('createMessage'),
		...updateDisplayOptions(
			{ show: { resource: ['order'], operation: ['createMessage'] } },
			properties,
		),
	],
	prepare(itemIndex, item) {
		const money = readOrderMoney(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const time = optionalText(options.time);
		const at = time ? new Date(time) : item.now;
		if (Number.isNaN(at.getTime()))
			throw new FieldError('Time', `Time is not a date (got ${describeValue(time)})`);
		const message = buildOrderMessage({ ...money, at, shortIbanForm: options.shortIban === true });
		// Sends nothing: the wallet signs `message` in a later step, then Order > Place sends both.
		return {
			local: {
				message,
				currency: money.currency,
				amount: money.amount,
				counterpart: { ...money.counterpart },
				time: formatMessageTime(at),
			},
		};
	},
};
