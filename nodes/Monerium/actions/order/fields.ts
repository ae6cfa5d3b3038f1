import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	describeValue,
	FieldError,
	optionalText,
} from '../../../shared/description/field-validation';
import {
	requireAddress,
	requireCurrency,
	requireIban,
	requireOrderAmount,
	type Counterpart,
	type MoneriumCurrency,
} from '../../order-rules';
import { requireChain } from '../common.fields';

export function orderMoneyFields(operation: string): INodeProperties[] {
	const show = { show: { resource: ['order'], operation: [operation] } };
	return [
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'options',
			options: [
				{ name: 'EUR', value: 'eur' },
				{ name: 'GBP', value: 'gbp' },
				{ name: 'ISK', value: 'isk' },
				{ name: 'USD', value: 'usd' },
			],
			default: 'eur',
			displayOptions: show,
		},
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'string',
			default: '',
			required: true,
			placeholder: '100.00',
			description: 'Decimal string with at most two decimals; never rounded',
			displayOptions: show,
		},
		{
			displayName: 'Send To',
			name: 'counterpartType',
			type: 'options',
			options: [
				{ name: 'IBAN (SEPA Payment)', value: 'iban' },
				{ name: 'Chain Address (Cross-Chain)', value: 'chain' },
			],
			default: 'iban',
			displayOptions: show,
		},
		{
			displayName: 'Counterpart IBAN',
			name: 'counterpartIban',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'EE127310138155512606682602',
			displayOptions: { show: { ...show.show, counterpartType: ['iban'] } },
		},
		{
			displayName: 'Counterpart Address',
			name: 'counterpartAddress',
			type: 'string',
			default: '',
			required: true,
			placeholder: '0x59cFC408d310697f9D3598e1BE75B0157a072407',
			displayOptions: { show: { ...show.show, counterpartType: ['chain'] } },
		},
		{
			displayName: 'Counterpart Chain Name or ID',
			name: 'counterpartChain',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getChains' },
			default: '',
			required: true,
			description:
				'Chain the tokens are sent to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show: { ...show.show, counterpartType: ['chain'] } },
		},
	];
}

export interface OrderMoney {
	currency: MoneriumCurrency;
	amount: string;
	counterpart: Counterpart;
}

export function readOrderMoney(context: IExecuteFunctions, itemIndex: number): OrderMoney {
	const currency = requireCurrency(context.getNodeParameter('currency', itemIndex, ''));
	const amount = requireOrderAmount(context.getNodeParameter('amount', itemIndex, ''));
	const type = context.getNodeParameter('counterpartType', itemIndex, 'iban');
	let counterpart: Counterpart;
	if (type === 'iban') {
		counterpart = {
			kind: 'iban',
			iban: requireIban(
				context.getNodeParameter('counterpartIban', itemIndex, ''),
				'Counterpart IBAN',
			),
		};
	} else if (type === 'chain') {
		counterpart = {
			kind: 'chain',
			address: requireAddress(
				context.getNodeParameter('counterpartAddress', itemIndex, ''),
				'Counterpart Address',
			),
			chain: requireChain(
				context.getNodeParameter('counterpartChain', itemIndex, ''),
				'Counterpart Chain',
			),
		};
	} else {
		throw new FieldError('Send To', 'Send To must be iban or chain');
	}
	return { currency, amount, counterpart };
}

export function requireCountry(value: unknown, field = 'Counterpart Country'): string {
	const country = optionalText(value)?.toUpperCase() ?? '';
	if (!/^[A-Z]{2}$/.test(country)) {
		throw new FieldError(
			field,
			`${field} must be a two-letter ISO 3166-1 code such as DK (got ${describeValue(value)})`,
		);
	}
	return country;
}
