import { defineResource } from '../../../shared/description/resource';
import type { MomoOperation } from '../types';
import { getBalance } from './getBalance.operation';
import { getBasicUserInfo } from './getBasicUserInfo.operation';
import { getStatus } from './getStatus.operation';
import { requestToPay } from './requestToPay.operation';
import { validateAccountHolder } from './validateAccountHolder.operation';

export const collection = defineResource<MomoOperation>(
	'collection',
	[
		{
			name: 'Get Balance',
			value: 'getBalance',
			action: 'Get the collection account balance (moves no money)',
			description: 'Get the available balance of your collection account',
			implementation: getBalance,
		},
		{
			name: 'Get Basic User Info',
			value: 'getBasicUserInfo',
			action: 'Get basic info of an account holder (moves no money)',
			description: 'Get the name and status of the person behind an MSISDN (KYC)',
			implementation: getBasicUserInfo,
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of a request to pay (moves no money)',
			description: 'Get the status (PENDING, SUCCESSFUL, FAILED) and reason of a request to pay',
			implementation: getStatus,
		},
		{
			name: 'Request to Pay',
			value: 'requestToPay',
			action:
				'Request a payment from a payer (once the payer approves, the money moves and cannot be undone; the amount is a decimal string in the currency given)',
			description:
				'Ask a payer to approve a payment on their phone; once approved the money moves and cannot be undone. The amount is a decimal string (e.g. 25.50) in the ISO 4217 currency given. Charged at most once per reference.',
			implementation: requestToPay,
		},
		{
			name: 'Validate Account Holder',
			value: 'validateAccountHolder',
			action: 'Check whether an account holder is active (moves no money)',
			description: 'Check that an MSISDN, email or party code has an active MoMo account',
			implementation: validateAccountHolder,
		},
	],
	'requestToPay',
);
