import type { MomentoOperation } from '../types';

export const getOnboardingAccounts: MomentoOperation = {
	description: [],
	prepare() {
		return { method: 'GET', path: '/onboarding_bank_accounts/' };
	},
};
