import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { optionalText } from '../../../shared/validation';
import { requireUuid } from '../../order-rules';
import { filtersToQs, listOutput, requireChain, returnAllFields } from '../common.fields';
import type { MoneriumOperation } from '../types';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Chain Name or ID',
				name: 'chain',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getChains' },
				default: '',
				description:
					'Only IBANs routed to this chain. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Profile ID',
				name: 'profile',
				type: 'string',
				default: '',
				description: 'IBANs of this profile; by default the caller profile',
			},
		],
	},
];

export const getMany: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['iban'], operation: ['getMany'] } },
		properties,
	),
	prepare(itemIndex) {
		const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
		if (optionalText(filters.chain)) filters.chain = requireChain(filters.chain);
		if (optionalText(filters.profile)) filters.profile = requireUuid(filters.profile, 'Profile ID');
		return {
			request: { method: 'GET', path: '/ibans', qs: filtersToQs(filters) },
			output: listOutput(this, itemIndex, 'ibans'),
		};
	},
};
