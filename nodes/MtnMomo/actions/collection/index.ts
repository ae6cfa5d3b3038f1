import { defineResource } from '../../../shared/resource';
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
			action: 'Get the collection account balance',
			description: 'Get the available balance of your collection account',
			implementation: getBalance,
		},
		{
			name: 'Get Basic User Info',
			value: 'getBasicUserInfo',
			action: 'Get basic info of an account holder',
			description: 'Get the name and status of the person behind an MSISDN (KYC)',
			implementation: getBasicUserInfo,
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of a request to pay',
			description: 'Get the status (PENDING, SUCCESSFUL, FAILED) and reason of a request to pay',
			implementation: getStatus,
		},
		{
			name: 'Request to Pay',
			value: 'requestToPay',
			action: 'Request a payment from a payer',
			description:
				'Ask a payer to approve a payment on their phone; charged at most once per reference',
			implementation: requestToPay,
		},
		{
			name: 'Validate Account Holder',
			value: 'validateAccountHolder',
			action: 'Check whether an account holder is active',
			description: 'Check that an MSISDN, email or party code has an active MoMo account',
			implementation: validateAccountHolder,
		},
	],
	'requestToPay',
);
