import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { resolveIdempotencyKey } from '../../shared/money/idempotency';
import { safetyOptions } from '../../shared/money/spending-limits';
import { optionalText, pathSegment } from '../../shared/description/field-validation';
import {
	idempotencyKeyOption,
	metaDataField,
	paymentMethodField,
	readMetaData,
	readPaymentMethod,
} from './common.fields';
import type { ConductorOperation, ConductorResource } from './types';

/**
 * Transactions and partner transactions share get / complete / cancel; they differ only in the
 * path and in which id addresses the transaction.
 */
export interface TransactionAddress {
	resource: Extract<ConductorResource, 'transaction' | 'partnerTransaction'>;
	pathPrefix: string;
	idField: INodeProperties;
}

function show(address: TransactionAddress, operation: string) {
	return { show: { resource: [address.resource], operation: [operation] } };
}

function readId(address: TransactionAddress, value: unknown): string {
	return pathSegment(value, address.idField.displayName);
}

const optionsWithKey: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [idempotencyKeyOption],
};

export function getTransactionOperation(address: TransactionAddress): ConductorOperation {
	return {
		description: updateDisplayOptions(show(address, 'get'), [address.idField]),
		prepare(itemIndex) {
			const id = readId(address, this.getNodeParameter(address.idField.name, itemIndex, ''));
			return { method: 'GET', path: `${address.pathPrefix}/${id}` };
		},
	};
}

/** Payment Method value that leaves payment_method out of a Complete. */
const NOT_SENT = 'notSent';

export function completeTransactionOperation(address: TransactionAddress): ConductorOperation {
	const properties: INodeProperties[] = [
		address.idField,
		{
			...paymentMethodField,
			options: [
				...(paymentMethodField.options ?? []),
				{ name: 'Not Sent', value: NOT_SENT, description: 'Leave payment_method out' },
			],
			description:
				"How the customer paid. Optional in Conductor's Complete request: choose Not Sent to leave it out.",
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [metaDataField],
		},
		optionsWithKey,
		safetyOptions,
	];
	return {
		description: updateDisplayOptions(show(address, 'complete'), properties),
		prepare(itemIndex, item) {
			const id = readId(address, this.getNodeParameter(address.idField.name, itemIndex, ''));
			const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const body: IDataObject = {};
			const paymentMethod = this.getNodeParameter('paymentMethod', itemIndex, NOT_SENT);
			if (paymentMethod !== NOT_SENT) body.payment_method = readPaymentMethod(paymentMethod);
			const metaData = readMetaData(additional);
			if (metaData) body.meta_data = metaData;
			return {
				method: 'POST',
				path: `${address.pathPrefix}/${id}/complete`,
				body,
				idempotencyKey: resolveIdempotencyKey(options, item),
			};
		},
		moneyMove: {
			// Completing pays what the transaction was created for: read it to know the amount.
			amountsOf: () => undefined,
			amountLookup: (request) => ({
				method: 'GET',
				path: request.path.replace(/\/complete$/, ''),
			}),
		},
	};
}

export function cancelTransactionOperation(address: TransactionAddress): ConductorOperation {
	const properties: INodeProperties[] = [
		address.idField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Reason',
					name: 'reason',
					type: 'string',
					default: '',
					placeholder: 'Credit card declined payment.',
					description: 'Why the payment could not be collected',
				},
				metaDataField,
			],
		},
		optionsWithKey,
	];
	return {
		description: updateDisplayOptions(show(address, 'cancel'), properties),
		prepare(itemIndex, item) {
			const id = readId(address, this.getNodeParameter(address.idField.name, itemIndex, ''));
			const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const body: IDataObject = {};
			const reason = optionalText(additional.reason);
			if (reason) body.reason = reason;
			const metaData = readMetaData(additional);
			if (metaData) body.meta_data = metaData;
			return {
				method: 'POST',
				path: `${address.pathPrefix}/${id}/cancel`,
				body,
				idempotencyKey: resolveIdempotencyKey(options, item),
			};
		},
	};
}

export const transactionAddress: TransactionAddress = {
	resource: 'transaction',
	pathPrefix: '/transactions',
	idField: {
		displayName: 'Transaction ID',
		name: 'transactionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e37d07ed-1899-418a-868c-1a1c72645223',
		description: 'The ID Conductor returned when the transaction was created',
	},
};

export const partnerTransactionAddress: TransactionAddress = {
	resource: 'partnerTransaction',
	pathPrefix: '/partners/transactions',
	idField: {
		displayName: 'External Transaction ID',
		name: 'externalTransactionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '5e4b65ba-1e15-44c8-b11f-d0beda039246',
		description: 'The external reference you gave when creating the partner transaction',
	},
};
