import type { IDataObject } from 'n8n-workflow';

import type { MoneriumOperation } from '../types';

/** GET /tokens: the e-money tokens (currency, ticker, symbol, chain, address, decimals). */
export const getMany: MoneriumOperation = {
	description: [],
	prepare() {
		return {
			request: { method: 'GET', path: '/tokens' },
			// The answer is an array: one output item per token.
			output: (body) => (Array.isArray(body.items) ? (body.items as IDataObject[]) : [body]),
		};
	},
};
