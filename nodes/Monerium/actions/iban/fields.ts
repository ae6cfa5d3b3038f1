import type { INodeProperties } from 'n8n-workflow';

export const ibanField: INodeProperties = {
	displayName: 'IBAN',
	name: 'iban',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'EE127310138155512606682602',
	description: 'A Monerium IBAN of the profile (spaces are removed)',
};
