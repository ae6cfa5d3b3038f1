import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { optionalText } from '../../shared/description/field-validation';
import { requireUuid } from '../order-rules';
import { filtersToQs, listOutput, requireChain, returnAllFields } from './common.fields';
import type { MoneriumOperation } from './types';

/**
 * A list Monerium filters by chain and profile (addresses, IBANs): Return All / Limit, the two
 * filters, and the answer's array under `key`.
 */
export function chainProfileListOperation(options: {
	resource: string;
	path: string;
	key: string;
	/** How the filter descriptions name the listed things, e.g. "IBANs routed to". */
	onChain: string;
	ofProfile: string;
}): MoneriumOperation {
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
					description: `Only ${options.onChain} this chain. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
				},
				{
					displayName: 'Profile ID',
					name: 'profile',
					type: 'string',
					default: '',
					description: `${options.ofProfile} this profile; by default the caller profile`,
				},
			],
		},
	];
	return {
		description: updateDisplayOptions(
			{ show: { resource: [options.resource], operation: ['getMany'] } },
			properties,
		),
		prepare(itemIndex) {
			const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
			if (optionalText(filters.chain)) filters.chain = requireChain(filters.chain);
			if (optionalText(filters.profile)) {
				filters.profile = requireUuid(filters.profile, 'Profile ID');
			}
			return {
				request: { method: 'GET', path: options.path, qs: filtersToQs(filters) },
				output: listOutput(this, itemIndex, options.key),
			};
		},
	};
}
