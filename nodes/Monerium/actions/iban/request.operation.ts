import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { addressLocator, chainField, readAddress, requireChain } from '../common.fields';
import type { MoneriumOperation } from '../types';

const properties: INodeProperties[] = [addressLocator, chainField()];

export const request: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['iban'], operation: ['request'] } },
		properties,
	),
	prepare(itemIndex) {
		const address = readAddress(this, itemIndex);
		const chain = requireChain(this.getNodeParameter('chain', itemIndex, ''));
		return {
			request: { method: 'POST', path: '/ibans', body: { address, chain } },
			output: (body) => ({ address, chain, requested: true, response: body }),
		};
	},
};
