import type { MoneriumOperation } from '../types';

export const getContext: MoneriumOperation = {
	description: [],
	prepare() {
		return { request: { method: 'GET', path: '/auth/context' } };
	},
};
