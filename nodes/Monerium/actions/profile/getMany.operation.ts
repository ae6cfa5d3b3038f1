import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { requireOneOf } from '../../../shared/description/field-validation';
import { filtersToQs, listOutput, returnAllFields } from '../common.fields';
import type { MoneriumOperation } from '../types';

const STATES = ['created', 'pending', 'approved', 'rejected', 'blocked'] as const;
const KINDS = ['personal', 'corporate'] as const;

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
				displayName: 'Kind',
				name: 'kind',
				type: 'options',
				options: KINDS.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
				default: 'personal',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: STATES.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
				default: 'approved',
			},
		],
	},
];

export const getMany: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['profile'], operation: ['getMany'] } },
		properties,
	),
	prepare(itemIndex) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		if (filters.state !== undefined) requireOneOf(filters.state, STATES, 'State');
		if (filters.kind !== undefined) requireOneOf(filters.kind, KINDS, 'Kind');
		return {
			request: { method: 'GET', path: '/profiles', qs: filtersToQs(filters) },
			output: listOutput(this, itemIndex, 'profiles'),
		};
	},
};
