import { defineResource } from '../../../shared/description/resource';
import type { MomentoOperation } from '../types';
import { getOnboardingAccounts } from './getOnboardingAccounts.operation';
import { getWithdrawalBanks } from './getWithdrawalBanks.operation';

export const bank = defineResource<MomentoOperation>(
	'bank',
	[
		{
			name: 'Get Onboarding Accounts',
			value: 'getOnboardingAccounts',
			action: 'Get onboarding bank accounts (moves no money)',
			description: "Momento's bank accounts customers pay deposits into (public endpoint)",
			implementation: getOnboardingAccounts,
		},
		{
			name: 'Get Withdrawal Banks',
			value: 'getWithdrawalBanks',
			action: 'Get withdrawal banks (moves no money)',
			description: 'Banks a withdrawal can be paid out to',
			implementation: getWithdrawalBanks,
		},
	],
	'getOnboardingAccounts',
);
