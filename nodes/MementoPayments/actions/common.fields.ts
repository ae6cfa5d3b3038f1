import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idempotencyKeyField } from '../../shared/money/idempotency';
import { requireAmount, requireCurrency } from '../../shared/money/amounts';
import {
	FieldError,
	optionalText,
	pathSegment,
	requirePathId,
} from '../../shared/description/field-validation';

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
	return pathSegment(context.getNodeParameter(field.name, itemIndex, ''), field.displayName);
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

/** Shown where a payment needs the PIN: it comes from the credential, never from the workflow. */
const pinFromCredentialNotice: INodeProperties = {
	displayName:
		"The PIN comes from the credential's PIN field, so it is never stored in the workflow or its executions",
	name: 'pinNotice',
	type: 'notice',
	default: '',
};

/**
 * The PIN field of version 1 nodes (n8n keeps a parameter only while the node declares it, so the
 * node can see a PIN still stored there and refuse to run until it is cleared). Version 2 has none.
 */
const legacyPinField: INodeProperties = {
	displayName: 'PIN (Old Field, Clear It)',
	name: 'pin',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	displayOptions: { show: { '@version': [1] } },
	description:
		"Older versions kept the PIN here, so it was stored in the workflow and in every execution. Put the PIN in the credential's PIN field, clear this field and save the workflow.",
};

export const pinFields: INodeProperties[] = [pinFromCredentialNotice, legacyPinField];

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

export const idempotencyKeyOption = idempotencyKeyField(
	'Identifies the payment. Leave empty to derive it from this node and every field of the item (recipient, amount, source, description...): the same fields are the same payment, so a Retry, a re-run or a re-delivered webhook finds the first payment instead of paying again, and two identical rows are paid once. To pay the same thing twice on purpose, give each its own key, e.g. an expression with the invoice number.',
);

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

const PIN_CREDENTIAL = 'mementoPaymentsApi';

const credentialReads = new WeakMap<IExecuteFunctions, Promise<IDataObject>>();

/**
 * Workflows made before the PIN moved into the credential still carry it as a node parameter:
 * n8n copies it into every execution. Such a node is stopped until the parameter is gone.
 */
export function refuseLegacyPinParameter(context: IExecuteFunctions): void {
	const legacy = (context.getNode().parameters ?? {}).pin;
	if (legacy === undefined || legacy === null || legacy === '') return;
	throw new FieldError(
		'PIN',
		'This node still keeps a PIN in the workflow (a field older versions had); the PIN now belongs in the credential',
		'Put the PIN in the Memento Payments credential\'s PIN field, then remove the old value from the workflow: download the workflow, delete the node\'s "pin" parameter and import it again (or replace the node with a new one). See the README, Memento Payments > PIN.',
	);
}

/** The credential's PIN (4 to 8 digits), read once per node run. */
export async function readPin(context: IExecuteFunctions): Promise<string> {
	refuseLegacyPinParameter(context);
	// One credential read per node run, however many items pay.
	let read = credentialReads.get(context);
	if (!read) {
		read = context.getCredentials(PIN_CREDENTIAL);
		credentialReads.set(context, read);
	}
	const pin = (await read).pin;
	const text = typeof pin === 'number' ? String(pin) : typeof pin === 'string' ? pin.trim() : '';
	if (!/^\d{4,8}$/.test(text)) {
		// Never echo the value: it is a secret even when malformed.
		throw new FieldError(
			'PIN',
			text === ''
				? 'The Memento Payments credential has no PIN; payments need it'
				: 'The PIN in the Memento Payments credential must be 4 to 8 digits',
			"Open the Memento Payments credential and set the Memento user's PIN.",
		);
	}
	return text;
}

/** Payment source + PIN, as payments, contributions and request payments need them. */
export async function readPaymentAuthorization(context: IExecuteFunctions, itemIndex: number) {
	// Also read back as /v1/payment_sources/<uuid> when amount limits are set.
	const paymentSourceUuid = requirePathId(
		context.getNodeParameter('paymentSourceUuid', itemIndex, ''),
		'Payment Source',
	);
	const pin = await readPin(context);
	return { body: { payment_source_uuid: paymentSourceUuid, pin }, secrets: [pin] };
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
