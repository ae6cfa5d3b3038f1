import type { MomentoOperation } from '../types';

export const getUsd: MomentoOperation = {
	description: [],
	prepare() {
		return { method: 'GET', path: '/usd_quotes/' };
	},
};
