import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../shared/description/list-options';

import type { MomentoItemContext } from './types';
import {
	requireCallbackUrl,
	optionalOrderId,
	checkCedulaOption,
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
		description:
			'Positive amount with at most 2 decimals. Sent as a JSON number written digit for digit from what you type (500.00 stays 500.00), never rounded.',
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
		description:
			"The document's example uses DOP and it quotes USD; it lists no other currency, so the node offers these two (the node's choice, not a documented rule)",
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
		description:
			"The customer's Dominican cédula (request.id_number); the node removes dashes and checks for 11 digits unless Options > Check Cédula Format is off (the document gives no format)",
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/momento?token=...',
		description:
			"Where Momento reports status changes (callback_url; the document's example always sends one): the Momento Trigger's Production URL. Empty uses the credential's Default Callback URL.",
	},
];

export const orderOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		checkCedulaOption,
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			description:
				"Your unique ID for this order (orderID), e.g. an invoice number: 1 to 64 letters, digits, dots, colons, dashes or underscores (a rule of the node; the document gives none). Empty: derived from this workflow, node and every field of the order, so the same order sent again (Retry On Fail, n8n's Retry, a re-delivered webhook) is found instead of created twice. To pay the same amount to the same customer twice on purpose, give each order its own ID.",
		},
	],
};

export interface OrderBase {
	/** The user's Order ID; without one, orderBody derives it from the order. */
	orderID?: string;
	amount: string;
	currency: string;
	callbackUrl: string;
	person: { email: string; id_number: string };
}

export function readOrderBase(
	context: IExecuteFunctions,
	itemIndex: number,
	item: Pick<MomentoItemContext, 'defaultCallbackUrl'>,
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
				options.checkCedula !== false,
			),
		},
		orderID: optionalOrderId(options.orderId),
		callbackUrl: requireCallbackUrl(
			// Options > Callback URL is where earlier versions kept it.
			context.getNodeParameter('callbackUrl', itemIndex, '') || options.callbackUrl,
			item.defaultCallbackUrl,
		),
	};
}

/**
 * The order body in the document's shape (the transport writes the amount as a JSON number).
 * Without an Order ID of the user's, the orderID is derived from what the order moves and to whom.
 */
export function orderBody(
	base: OrderBase,
	request: IDataObject,
	item: Pick<MomentoItemContext, 'deriveOrderId'>,
): IDataObject {
	const person = { ...base.person, ...request };
	const content = { amount: base.amount, currency: base.currency, request: person };
	const body: IDataObject = {
		amount: base.amount,
		orderID: base.orderID ?? item.deriveOrderId(content),
		currency: base.currency,
	};
	if (base.callbackUrl) body.callback_url = base.callbackUrl;
	body.request = person;
	return body;
}

export const listFields = (resource: string): INodeProperties[] =>
	updateDisplayOptions(
		{ show: { resource: [resource], operation: ['getMany'] } },
		returnAllAndLimitFields,
	);
