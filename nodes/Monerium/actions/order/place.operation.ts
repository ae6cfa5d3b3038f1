import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { safetyOptions } from '../../../shared/money/spending-limits';
import {
	FieldError,
	optionalText,
	requireText,
} from '../../../shared/description/field-validation';
import {
	checkOrderAgreement,
	optionalMemo,
	requireUuid,
	requireUuidV4,
	sameAmount,
} from '../../order-rules';
import { addressLocator, chainField, readAddress, requireChain } from '../common.fields';
import type { MoneriumOperation } from '../types';
import { orderMoneyFields, readOrderMoney, requireCountry } from './fields';

const show = { show: { resource: ['order'], operation: ['place'] } };

const properties: INodeProperties[] = [
	{
		...addressLocator,
		displayName: 'From Address',
		description: 'The linked address whose tokens are redeemed',
	},
	chainField('chain', 'From Chain'),
	{
		displayName: 'Counterpart Kind',
		name: 'counterpartKind',
		type: 'options',
		options: [
			{ name: 'Person', value: 'personal' },
			{ name: 'Company', value: 'corporate' },
		],
		default: 'personal',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { counterpartKind: ['personal'] } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { counterpartKind: ['personal'] } },
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { counterpartKind: ['corporate'] } },
	},
	{
		displayName: 'Counterpart Country',
		name: 'country',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'DK',
		description: 'Two-letter ISO 3166-1 country code of the counterpart',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Send EUR 100 to EE127310138155512606682602 at 2024-07-12T12:02Z',
		description: 'The exact text the wallet signed, from Order > Create Message',
	},
	{
		displayName: 'Signature',
		name: 'signature',
		type: 'string',
		default: '',
		required: true,
		placeholder: '0x...',
		description: 'The wallet signature of the message ("0x" for a Safe that signs on chain)',
	},
	{
		displayName: 'Memo',
		name: 'memo',
		type: 'string',
		default: '',
		description:
			'Optional payment reference the counterpart sees, 5 to 140 characters; empty sends none. Without an Order ID, an order with the same address, amount, counterpart and memo is the same order: sent again it is found, not placed twice. To pay the same again on purpose, put what differs in the memo (an invoice number, a month).',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Supporting Document ID',
				name: 'supportingDocumentId',
				type: 'string',
				default: '',
				description: 'File ID of an invoice or agreement; required at EUR 15,000 or more',
			},
			{
				displayName: 'Order ID',
				name: 'orderId',
				type: 'string',
				default: '',
				description:
					"A version 4 UUID of your own (the document's ID schema). Empty: derived from this workflow, node and the order (address, chain, amount, currency, counterpart, memo; not the message or signature), so the same order sent again (Retry On Fail, n8n's Retry, a re-delivered webhook, even signed anew) is found instead of placed twice. Give each order its own ID to place the same order twice on purpose.",
			},
		],
	},
	safetyOptions,
];

export const place: MoneriumOperation = {
	description: [
		...updateDisplayOptions(show, properties.slice(0, 2)),
		...orderMoneyFields('place'),
		...updateDisplayOptions(show, properties.slice(2)),
	],
	prepare(itemIndex, item) {
		const address = readAddress(this, itemIndex);
		const chain = requireChain(this.getNodeParameter('chain', itemIndex, ''), 'From Chain');
		const money = readOrderMoney(this, itemIndex);
		const message = requireText(this.getNodeParameter('message', itemIndex, ''), 'Message');
		const signature = requireText(this.getNodeParameter('signature', itemIndex, ''), 'Signature');
		if (!signature.startsWith('0x'))
			throw new FieldError('Signature', 'Signature must start with 0x');
		const memo = optionalMemo(this.getNodeParameter('memo', itemIndex, ''));
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const documentId = optionalText(additional.supportingDocumentId);
		const supportingDocumentId = documentId
			? requireUuid(documentId, 'Supporting Document ID')
			: undefined;
		checkOrderAgreement({ message, ...money, supportingDocumentId }, item.now);

		const kind = this.getNodeParameter('counterpartKind', itemIndex, 'personal');
		const country = requireCountry(this.getNodeParameter('country', itemIndex, ''));
		const details: IDataObject =
			kind === 'corporate'
				? {
						companyName: requireText(
							this.getNodeParameter('companyName', itemIndex, ''),
							'Company Name',
						),
						country,
					}
				: {
						firstName: requireText(this.getNodeParameter('firstName', itemIndex, ''), 'First Name'),
						lastName: requireText(this.getNodeParameter('lastName', itemIndex, ''), 'Last Name'),
						country,
					};
		const identifier: IDataObject =
			money.counterpart.kind === 'iban'
				? { standard: 'iban', iban: money.counterpart.iban }
				: { standard: 'chain', address: money.counterpart.address, chain: money.counterpart.chain };
		const order: IDataObject = {
			kind: 'redeem',
			address,
			chain,
			currency: money.currency,
			amount: money.amount,
			counterpart: { identifier, details },
		};
		if (memo !== undefined) order.memo = memo;
		if (supportingDocumentId) order.supportingDocumentId = supportingDocumentId;
		const ownId = optionalText(additional.orderId);
		const id = ownId ? requireUuidV4(ownId, 'Order ID') : item.deriveOrderId(order);
		const body: IDataObject = { id, ...order, message, signature };
		return {
			// Never resent blind: after an unknown outcome the order is looked up by its id first.
			// A 409 (where Monerium refuses a repeated id) means "already placed": it is read back.
			request: { method: 'POST', path: '/orders', body, idempotent: false, acceptStatuses: [409] },
			onConflict: { method: 'GET', path: `/orders/${id}` },
			lookup: { method: 'GET', path: `/orders/${id}`, acceptStatuses: [404] },
			output: (order, statusCode) => {
				if (statusCode !== 409) return { ...order, replayed: false };
				const same =
					order.address === address &&
					order.currency === money.currency &&
					typeof order.amount === 'string' &&
					sameAmount(order.amount, money.amount);
				if (!same) {
					throw new FieldError(
						'Order ID',
						`Order ID ${id} was already used for a different order`,
						'Use a new Order ID for a new order, or leave it empty.',
					);
				}
				return { ...order, replayed: true };
			},
		};
	},
	moneyMove: {
		amountsOf(request) {
			const { currency, amount } = request.body as { currency: string; amount: string };
			return [{ currency: currency.toUpperCase(), amount }];
		},
		keyOf: (request) => String((request.body as { id: string }).id),
	},
};
