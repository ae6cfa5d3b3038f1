import { defineResource } from '../../../shared/description/resource';
import type { MomoOperation } from '../types';
import { getBalance } from './getBalance.operation';
import { getStatus } from './getStatus.operation';
import { transfer } from './transfer.operation';

export const disbursement = defineResource<MomoOperation>(
	'disbursement',
	[
		{
			name: 'Get Balance',
			value: 'getBalance',
			action: 'Get the disbursement account balance (moves no money)',
			description: 'Get the available balance of your disbursement account',
			implementation: getBalance,
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of a transfer (moves no money)',
			description: 'Get the status (PENDING, SUCCESSFUL, FAILED) and reason of a transfer',
			implementation: getStatus,
		},
		{
			name: 'Transfer',
			value: 'transfer',
			action:
				'Transfer money to a payee (pays out at once and cannot be undone; the amount is a decimal string in the currency given)',
			description:
				'Pay out to a MoMo account; a transfer cannot be undone. The amount is a decimal string (e.g. 25.50) in the ISO 4217 currency given. Sent at most once per reference.',
			implementation: transfer,
		},
	],
	'transfer',
);
