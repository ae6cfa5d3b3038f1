import { updateDisplayOptions } from 'n8n-workflow';

import type { MomentoOperation } from '../types';
import { requireCedula } from '../validation';

export const get: MomentoOperation = {
	description: updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, [
		{
			displayName: 'ID Number (Cédula)',
			name: 'idNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: '00100000001',
			description: "The user's 11-digit Dominican cédula; dashes are removed",
		},
	]),
	prepare(itemIndex) {
		const idNumber = requireCedula(this.getNodeParameter('idNumber', itemIndex, ''));
		return { method: 'GET', path: `/users/${encodeURIComponent(idNumber)}/` };
	},
};
