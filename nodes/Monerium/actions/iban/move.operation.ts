import { updateDisplayOptions } from 'n8n-workflow';

import { requireIbanFormat } from '../../order-rules';
import { addressLocator, chainField, readAddress, requireChain } from '../common.fields';
import type { MoneriumOperation } from '../types';
import { ibanField } from './fields';

export const move: MoneriumOperation = {
	description: updateDisplayOptions({ show: { resource: ['iban'], operation: ['move'] } }, [
		ibanField,
		{
			...addressLocator,
			displayName: 'New Address',
			description: 'The linked address that will receive incoming payments',
		},
		chainField('chain', 'New Chain'),
	]),
	prepare(itemIndex) {
		const iban = requireIbanFormat(this.getNodeParameter('iban', itemIndex, ''));
		const address = readAddress(this, itemIndex);
		const chain = requireChain(this.getNodeParameter('chain', itemIndex, ''));
		return {
			// Moving to the same place twice leaves the same state: safe to retry.
			request: {
				method: 'PUT',
				path: `/ibans/${iban}`,
				body: { address, chain },
				idempotent: true,
			},
			output: (body) => ({ iban, address, chain, moved: true, response: body }),
		};
	},
};
