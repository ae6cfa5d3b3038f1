import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../shared/list-options';

import type { MomentoItemContext } from './types';
import {
	optionalCallbackUrl,
	optionalOrderId,
	requireCedula,
	requireEmail,
	requireMomentoAmount,
	requireMomentoCurrency,
} from './validation';

/** Fields every order create has (deposit and withdrawal), as the document's example shows. */
export const orderFields: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		default: '',
		required: true,
		placeholder: '500.00',
		description: 'Positive amount with at most 2 decimals, sent as a decimal string',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		default: 'DOP',
		options: [
			{ name: 'Dominican Peso (DOP)', value: 'DOP' },
			{ name: 'US Dollar (USD)', value: 'USD' },
		],
	},
	{
		displayName: 'Customer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: "The customer's email (request.email)",
	},
	{
		displayName: 'Customer ID Number (Cédula)',
		name: 'idNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '00100000001',
		description: "The customer's 11-digit Dominican cédula (request.id_number); dashes are removed",
	},
];

export const orderOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/momento?token=...',
			description:
				"Where Momento reports status changes: the Momento Trigger's Production URL. Empty uses the credential's Default Callback URL; with neither, no callback_url is sent.",
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			description:
				'Your unique ID for this order (orderID). Leave empty to use one derived from this execution, node and item, so a retry finds the first order instead of creating a second one.',
		},
	],
};

export interface OrderBase {
	orderID: string;
	amount: string;
	currency: string;
	callbackUrl?: string;
	person: { email: string; id_number: string };
}

export function readOrderBase(
	context: IExecuteFunctions,
	itemIndex: number,
	item: MomentoItemContext,
): OrderBase {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const currency = requireMomentoCurrency(context.getNodeParameter('currency', itemIndex, 'DOP'));
	return {
		amount: requireMomentoAmount(context.getNodeParameter('amount', itemIndex, ''), currency),
		currency,
		person: {
			email: requireEmail(context.getNodeParameter('email', itemIndex, ''), 'Customer Email'),
			id_number: requireCedula(
				context.getNodeParameter('idNumber', itemIndex, ''),
				'Customer ID Number (Cédula)',
			),
		},
		orderID: optionalOrderId(options.orderId) ?? item.derivedOrderId,
		callbackUrl:
			optionalCallbackUrl(options.callbackUrl) ?? optionalCallbackUrl(item.defaultCallbackUrl),
	};
}

/** The order body in the document's shape; the amount stays a decimal string. */
export function orderBody(base: OrderBase, request: IDataObject): IDataObject {
	const body: IDataObject = {
		amount: base.amount,
		orderID: base.orderID,
		currency: base.currency,
	};
	if (base.callbackUrl) body.callback_url = base.callbackUrl;
	body.request = { ...base.person, ...request };
	return body;
}

export const listFields = (resource: string): INodeProperties[] =>
	updateDisplayOptions(
		{ show: { resource: [resource], operation: ['getMany'] } },
		returnAllAndLimitFields,
	);
