import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { safetyOptions } from '../../../shared/money/spending-limits';
import {
	describeValue,
	FieldError,
	requireText,
} from '../../../shared/description/field-validation';
import { orderBody, orderFields, orderOptions, readOrderBase } from '../order.fields';
import type { MomentoOperation } from '../types';

const ACCOUNT_TYPES = ['savings', 'checking'] as const;

const destinationFields: INodeProperties[] = [
	{
		displayName: 'Bank Name or ID',
		name: 'bankCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWithdrawalBanks' },
		default: '',
		required: true,
		description:
			'Destination bank, from Momento\'s withdrawal banks list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Account Number',
		name: 'accountNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '9601234567',
		description: 'Destination account number at that bank (6 to 20 digits)',
	},
	{
		displayName: 'Account Type',
		name: 'accountType',
		type: 'options',
		default: 'savings',
		options: [
			{ name: 'Savings', value: 'savings' },
			{ name: 'Checking', value: 'checking' },
		],
	},
];

export const create: MomentoOperation = {
	description: updateDisplayOptions({ show: { resource: ['withdrawal'], operation: ['create'] } }, [
		...orderFields,
		...destinationFields,
		orderOptions,
		safetyOptions,
	]),
	moneyMove: true,
	prepare(itemIndex, item) {
		const base = readOrderBase(this, itemIndex, item);
		const bankCode = requireText(this.getNodeParameter('bankCode', itemIndex, ''), 'Bank');
		const accountNumber = requireText(
			this.getNodeParameter('accountNumber', itemIndex, ''),
			'Account Number',
		).replace(/[\s-]/g, '');
		if (!/^\d{6,20}$/.test(accountNumber)) {
			throw new FieldError(
				'Account Number',
				`Account Number must be 6 to 20 digits (got ${describeValue(accountNumber)})`,
			);
		}
		const accountType = this.getNodeParameter('accountType', itemIndex, 'savings');
		if (!(ACCOUNT_TYPES as readonly unknown[]).includes(accountType)) {
			throw new FieldError('Account Type', 'Account Type must be savings or checking');
		}
		const body = orderBody(
			base,
			{ bank_code: bankCode, account_number: accountNumber, account_type: accountType as string },
			item,
		);
		return {
			method: 'POST',
			path: '/withdrawal_orders/',
			body,
			replay: { kind: 'withdrawal', orderID: String(body.orderID) },
		};
	},
};
