import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../shared/idempotency';
import { requireAmount, requireCurrency } from '../../shared/money';
import { FieldError, optionalText, requireText } from '../../shared/validation';
import type { MementoItemContext } from './types';

export function uuidField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: '8d3f94b0-87d0-497f-810c-9b150d42ed05',
		description,
	};
}

export function readPathId(context: IExecuteFunctions, field: INodeProperties, itemIndex: number) {
	const value = requireText(context.getNodeParameter(field.name, itemIndex, ''), field.displayName);
	return encodeURIComponent(value);
}

export const paymentSourceField: INodeProperties = {
	displayName: 'Payment Source Name or ID',
	name: 'paymentSourceUuid',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPaymentSources' },
	default: '',
	required: true,
	description:
		'The card or account the money comes from. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const pinField: INodeProperties = {
	displayName: 'PIN',
	name: 'pin',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	description:
		'Your Memento PIN, required for payments; the node expects 4 to 8 digits (its own check: the document shows only "1234"). It is never shown in output or errors.',
};

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'string',
	default: '',
	required: true,
	placeholder: '12.50',
	description: 'Amount as a decimal string, e.g. 12.50 (never rounded by the node)',
};

export const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: '',
	placeholder: 'GBP',
	description:
		"ISO 4217 code. Leave empty to use the payment source's currency (the amount may then have at most 2 decimals).",
};

export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	description:
		'Leave empty to use a key derived from this execution, node and item, so a retry replays instead of paying twice. Set your own (e.g. an invoice number) to deduplicate across executions.',
};

/** Amount and optional currency, validated together (scale per currency). */
export function readMoney(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const currencyText = optionalText(context.getNodeParameter('currency', itemIndex, ''));
	if (currencyText === undefined) {
		return {
			amount: requireAmount(context.getNodeParameter('amount', itemIndex, ''), 'Amount', {
				maxDecimals: 2,
			}),
		};
	}
	const currency = requireCurrency(currencyText, 'Currency');
	const amount = requireAmount(context.getNodeParameter('amount', itemIndex, ''), 'Amount', {
		currency,
	});
	return { amount, currency };
}

export function readPin(context: IExecuteFunctions, itemIndex: number): string {
	const pin = context.getNodeParameter('pin', itemIndex, '');
	const text = typeof pin === 'number' ? String(pin) : typeof pin === 'string' ? pin.trim() : '';
	if (!/^\d{4,8}$/.test(text)) {
		// Never echo the value: it is a secret even when malformed.
		throw new FieldError('PIN', 'PIN must be 4 to 8 digits', 'Set the PIN of the Memento user.');
	}
	return text;
}

/** Payment source + PIN, as payments, contributions and request payments need them. */
export function readPaymentAuthorisation(context: IExecuteFunctions, itemIndex: number) {
	const pin = readPin(context, itemIndex);
	const paymentSourceUuid = requireText(
		context.getNodeParameter('paymentSourceUuid', itemIndex, ''),
		'Payment Source',
	);
	return { body: { payment_source_uuid: paymentSourceUuid, pin }, secrets: [pin] };
}

export function resolveIdempotencyKey(options: IDataObject, context: MementoItemContext): string {
	const own = optionalText(options.idempotencyKey);
	if (own === undefined) return context.derivedIdempotencyKey;
	if (own.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
		throw new FieldError(
			'Idempotency Key',
			`Idempotency Key is ${own.length} characters long; at most ${MAX_IDEMPOTENCY_KEY_LENGTH} are allowed`,
		);
	}
	return own;
}

/** Copies the non-empty values of a collection, renamed to the API's field names. */
export function pickFields(source: IDataObject, names: Record<string, string>): IDataObject {
	const body: IDataObject = {};
	for (const [from, to] of Object.entries(names)) {
		const value = source[from];
		if (value === undefined || value === null || value === '') continue;
		body[to] = typeof value === 'string' ? value.trim() : value;
	}
	return body;
}

/** Comma- or newline-separated text, or an array, into a list of non-empty strings. */
export function readTextList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[,\n]/);
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}
