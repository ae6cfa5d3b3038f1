import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { optionalText, requireText } from '../../../shared/description/field-validation';
import {
	billerCodeField,
	identifierFields,
	readIdentifier,
	resolveRetailerId,
	retailerIdOption,
} from '../common.fields';
import type { ConductorOperation } from '../types';

const properties: INodeProperties[] = [
	billerCodeField,
	...identifierFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				placeholder: 'SUBS',
				description: "The biller's product reference, e.g. SUBS or TVOD for za_dstv",
			},
			retailerIdOption,
		],
	},
];

export const enquire: ConductorOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['account'], operation: ['enquire'] } },
		properties,
	),
	prepare(itemIndex, item) {
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			biller_code: requireText(this.getNodeParameter('billerCode', itemIndex, ''), 'Biller Code'),
			identifier: readIdentifier(this, itemIndex) as IDataObject,
		};
		const reference = optionalText(additional.reference);
		if (reference) body.reference = reference;
		return {
			method: 'POST',
			path: '/accounts/enquiry',
			body,
			retailerId: resolveRetailerId(additional, item),
			// Conductor deduplicates every POST by key, so every POST carries one.
			idempotencyKey: item.derivedIdempotencyKey,
		};
	},
};
