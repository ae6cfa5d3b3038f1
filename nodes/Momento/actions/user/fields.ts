import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkCedulaOption, requireCedula } from '../validation';

/** The cédula that identifies a Momento user (User Create and Get). */
export const idNumberField: INodeProperties = {
	displayName: 'ID Number (Cédula)',
	name: 'idNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: '00100000001',
	description: "The user's 11-digit Dominican cédula; dashes are removed",
};

export const userOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [checkCedulaOption],
};

/** The item's ID Number, checked as a cédula unless Options > Check Cédula Format is off. */
export function readIdNumber(context: IExecuteFunctions, itemIndex: number): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return requireCedula(
		context.getNodeParameter('idNumber', itemIndex, ''),
		undefined,
		options.checkCedula !== false,
	);
}
