import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { safetyOptions } from '../../shared/money/spending-limits';
import { requireAmount, requireCurrency } from '../../shared/money/amounts';
import {
	describeValue,
	FieldError,
	optionalText,
	requireText,
} from '../../shared/description/field-validation';
import type { MomoProduct } from '../constants';
import {
	callbackWithReference,
	readCallbackUrl,
	readMessage,
	readPartyId,
	readPartyType,
	readReferenceId,
} from './common.fields';
import type { MomoOperation, WaitSettings } from './types';

/** Request to pay (collection, from a payer) and transfer (disbursement, to a payee). */
export interface PaymentKind {
	resource: 'collection' | 'disbursement';
	operation: 'requestToPay' | 'transfer';
	product: MomoProduct;
	path: string;
	party: 'payer' | 'payee';
	partyLabel: 'Payer' | 'Payee';
}

const MAX_WAIT_SECONDS = 900;

function readWait(options: IDataObject, timeoutSeconds: unknown): WaitSettings {
	const timeout = Number(timeoutSeconds);
	const interval = Number(options.pollInterval ?? 2);
	if (!Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_WAIT_SECONDS) {
		throw new FieldError(
			'Wait Timeout',
			`Wait Timeout must be more than 0 and at most ${MAX_WAIT_SECONDS} seconds (got ${describeValue(timeoutSeconds)})`,
		);
	}
	if (!Number.isFinite(interval) || interval <= 0 || interval > timeout) {
		throw new FieldError(
			'Poll Interval',
			`Poll Interval must be more than 0 and at most the Wait Timeout (got ${describeValue(options.pollInterval)})`,
		);
	}
	return { timeoutMs: Math.round(timeout * 1000), initialIntervalMs: Math.round(interval * 1000) };
}

export function paymentOperation(kind: PaymentKind): MomoOperation {
	const properties: INodeProperties[] = [
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'string',
			default: '',
			required: true,
			placeholder: '100',
			description: 'Amount as a decimal string, e.g. 100 or 12.50. Never rounded.',
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: 'EUR',
			required: true,
			description:
				"ISO 4217 code. The MoMo sandbox only accepts EUR; in production use your market's currency (UGX, GHS, XAF...).",
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'order-1234',
			description:
				'Your own reference (e.g. an order number), shown in MoMo reports and returned with the status. It identifies the payment: running the same External ID again (Retry, a re-delivered webhook, a re-run) finds the first payment instead of charging twice, so give each payment its own.',
		},
		{
			displayName: `${kind.partyLabel} ID Type`,
			name: 'partyIdType',
			type: 'options',
			default: 'MSISDN',
			options: [
				{ name: 'MSISDN (Phone Number)', value: 'MSISDN' },
				{ name: 'Email', value: 'EMAIL' },
				{ name: 'Party Code', value: 'PARTY_CODE' },
			],
		},
		{
			displayName: kind.partyLabel,
			name: 'partyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '256772123456',
			description: `The ${kind.party}: a phone number with country code (a leading + is removed), an email or a party code`,
		},
		{
			displayName: 'Wait for Final Status',
			name: 'waitForFinalStatus',
			type: 'boolean',
			default: false,
			description:
				'Whether to check the status until it is SUCCESSFUL or FAILED (or the Wait Timeout passes) and output that, instead of the PENDING answer',
		},
		{
			displayName: 'Wait Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			default: 120,
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
			displayOptions: { show: { waitForFinalStatus: [true] } },
			description:
				'How long to wait at most; then the item is output with status PENDING and timedOut true',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Callback URL',
					name: 'callbackUrl',
					type: 'string',
					default: '',
					description:
						"Where MoMo reports the final status (e.g. an MTN MoMo Trigger's URL). Overrides the credential's Default Callback URL. Its host must be the API user's providerCallbackHost.",
				},
				{
					displayName: 'Payee Note',
					name: 'payeeNote',
					type: 'string',
					default: '',
					description: "Note for the payee's statement (at most 160 characters)",
				},
				{
					displayName: 'Payer Message',
					name: 'payerMessage',
					type: 'string',
					default: '',
					description: "Message for the payer's statement (at most 160 characters)",
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Poll Interval (Seconds)',
					name: 'pollInterval',
					type: 'number',
					default: 2,
					description: 'First wait between status checks when waiting; it doubles up to 30 seconds',
				},
				{
					displayName: 'Reference ID',
					name: 'referenceId',
					type: 'string',
					default: '',
					placeholder: '3f4b5c2e-8a1d-4c6e-9b7f-1a2b3c4d5e6f',
					description:
						'X-Reference-ID (a UUID v4). Leave empty to derive one from the External ID, this workflow and node: running the same External ID again, in any execution, finds the first payment instead of charging twice.',
				},
			],
		},
		safetyOptions,
	];

	return {
		moneyMove: true,
		description: updateDisplayOptions(
			{ show: { resource: [kind.resource], operation: [kind.operation] } },
			properties,
		),
		prepare(itemIndex, item) {
			const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const currency = requireCurrency(
				this.getNodeParameter('currency', itemIndex, ''),
				'Currency',
				"Use the three-letter code of your market's currency (UGX, GHS, XAF...); the MoMo sandbox accepts only EUR.",
			);
			const amount = requireAmount(this.getNodeParameter('amount', itemIndex, ''), 'Amount', {
				currency,
			});
			const externalId = requireText(
				this.getNodeParameter('externalId', itemIndex, ''),
				'External ID',
			);
			const partyIdType = readPartyType(
				this.getNodeParameter('partyIdType', itemIndex, 'MSISDN'),
				`${kind.partyLabel} ID Type`,
			);
			const partyId = readPartyId(
				partyIdType,
				this.getNodeParameter('partyId', itemIndex, ''),
				kind.partyLabel,
			);
			const ownReference = optionalText(options.referenceId);
			// By default derived from the External ID (with the workflow, node and operation).
			const referenceId = ownReference
				? readReferenceId(ownReference, 'Reference ID')
				: item.derivedReferenceId;
			const body: IDataObject = {
				amount,
				currency,
				externalId,
				[kind.party]: { partyIdType, partyId },
			};
			const payerMessage = readMessage(additional.payerMessage, 'Payer Message');
			const payeeNote = readMessage(additional.payeeNote, 'Payee Note');
			if (payerMessage) body.payerMessage = payerMessage;
			if (payeeNote) body.payeeNote = payeeNote;
			const headers: Record<string, string> = { 'X-Reference-Id': referenceId };
			const callbackUrl =
				readCallbackUrl(additional.callbackUrl, 'Callback URL') ??
				readCallbackUrl(item.defaultCallbackUrl, 'Default Callback URL (credential)');
			if (callbackUrl)
				headers['X-Callback-Url'] = callbackWithReference(callbackUrl, referenceId, kind.product);
			const wait =
				this.getNodeParameter('waitForFinalStatus', itemIndex, false) === true
					? readWait(options, this.getNodeParameter('waitTimeout', itemIndex, 120))
					: undefined;
			return {
				request: {
					method: 'POST',
					path: kind.path,
					product: kind.product,
					headers,
					body,
					// Never resent blind: after no answer or a 5xx the status is read by reference first.
					idempotent: false,
					accept: [409],
				},
				payment: { product: kind.product, referenceId, amount, currency, partyId, wait },
			};
		},
	};
}
