import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { optionalText, requireOneOf } from '../../../shared/description/field-validation';
import { optionalMemo, requireAddress, requireUuid } from '../../order-rules';
import { filtersToQs, listOutput, returnAllFields } from '../common.fields';
import type { MoneriumOperation } from '../types';

const STATES = ['pending', 'processed', 'rejected'] as const;

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
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
				placeholder: '0x...',
				description: 'Orders of this blockchain address',
			},
			{
				displayName: 'Memo',
				name: 'memo',
				type: 'string',
				default: '',
				description: 'Orders with this payment reference',
			},
			{
				displayName: 'Profile ID',
				name: 'profile',
				type: 'string',
				default: '',
				description: 'Orders of this profile; by default the caller profile',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: STATES.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
				default: 'pending',
			},
			{
				displayName: 'Transaction Hash',
				name: 'txHash',
				type: 'string',
				default: '',
				placeholder: '0x...',
			},
		],
	},
];

export const getMany: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['order'], operation: ['getMany'] } },
		properties,
	),
	prepare(itemIndex) {
		const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
		if (optionalText(filters.address)) filters.address = requireAddress(filters.address, 'Address');
		if (optionalText(filters.profile)) filters.profile = requireUuid(filters.profile, 'Profile ID');
		if (optionalText(filters.memo)) filters.memo = optionalMemo(filters.memo);
		if (filters.state !== undefined) requireOneOf(filters.state, STATES, 'State');
		return {
			request: { method: 'GET', path: '/orders', qs: filtersToQs(filters) },
			// The changelog moves the list under "orders"; an older plain array is read too.
			output: listOutput(this, itemIndex, 'orders'),
		};
	},
};
