import type { MomentoOperation } from '../types';

export const getWithdrawalBanks: MomentoOperation = {
	description: [],
	prepare() {
		return { method: 'GET', path: '/withdrawal_banks/' };
	},
};
