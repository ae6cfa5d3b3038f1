import { updateDisplayOptions } from 'n8n-workflow';

import { requireIbanFormat } from '../../order-rules';
import type { MoneriumOperation } from '../types';
import { ibanField } from './fields';

export const get: MoneriumOperation = {
	description: updateDisplayOptions({ show: { resource: ['iban'], operation: ['get'] } }, [
		ibanField,
	]),
	prepare(itemIndex) {
		const iban = requireIbanFormat(this.getNodeParameter('iban', itemIndex, ''));
		return { request: { method: 'GET', path: `/ibans/${iban}` } };
	},
};
