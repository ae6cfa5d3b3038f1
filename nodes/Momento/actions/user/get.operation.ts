import { updateDisplayOptions, type IDataObject } from 'n8n-workflow';

import type { MomentoOperation } from '../types';
import { checkCedulaOption, requireCedula } from '../validation';

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
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [checkCedulaOption],
		},
	]),
	prepare(itemIndex) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const idNumber = requireCedula(
			this.getNodeParameter('idNumber', itemIndex, ''),
			undefined,
			options.checkCedula !== false,
		);
		return { method: 'GET', path: `/users/${encodeURIComponent(idNumber)}/` };
	},
};
