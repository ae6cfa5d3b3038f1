import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	readReturnAllAndLimit,
	returnAllAndLimitFields,
} from '../../shared/description/list-options';

import {
	buildFilterExpression,
	buildSortExpression,
	FILTER_OPERATORS,
	readFilterCondition,
	readSortRule,
	type FilterCondition,
} from '../transport/filter-query';

const OPERATOR_NAMES: Record<(typeof FILTER_OPERATORS)[number], string> = {
	eq: 'Equals',
	gt: 'Greater Than',
	gte: 'Greater Than or Equal',
	lt: 'Less Than',
	lte: 'Less Than or Equal',
	in: 'In List',
	like: 'Contains (Like)',
};

export interface ListFieldOptions {
	/** Example field names for the Filter/Sort Field placeholders. */
	fieldExample?: string;
	/** The document mentions an `owner` filter for this list. */
	owner?: boolean;
}

export function listFields(options: ListFieldOptions = {}): INodeProperties[] {
	const example = options.fieldExample ?? 'created_at';
	const fields: INodeProperties[] = [...returnAllAndLimitFields];
	if (options.owner) {
		fields.push({
			displayName: 'Owner',
			name: 'owner',
			type: 'options',
			default: 'all',
			description: 'Whose objects to list (sent as the owner filter)',
			options: [
				{ name: 'All', value: 'all', description: 'Created by me and addressed to me' },
				{ name: 'Created by Me', value: 'me' },
				{ name: 'Not Created by Me', value: 'others' },
			],
		});
	}
	fields.push(
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Filter',
			default: {},
			description: 'Conditions that all have to match (sent as filter=field:operator:value,...)',
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{
							displayName: 'Field',
							name: 'field',
							type: 'string',
							default: '',
							placeholder: example,
						},
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							default: 'eq',
							options: FILTER_OPERATORS.map((value) => ({ name: OPERATOR_NAMES[value], value })),
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								'For In List, separate the values with commas. Dates as 2018-01-01 or 2018-01-01T10:00:00Z.',
						},
					],
				},
			],
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Sort Rule',
			default: {},
			description: 'Order of the results; the first rule decides first',
			options: [
				{
					displayName: 'Rule',
					name: 'rule',
					values: [
						{
							displayName: 'Field',
							name: 'field',
							type: 'string',
							default: 'created_at',
							placeholder: example,
						},
						{
							displayName: 'Direction',
							name: 'direction',
							type: 'options',
							default: 'desc',
							options: [
								{ name: 'Ascending', value: 'asc' },
								{ name: 'Descending', value: 'desc' },
							],
						},
					],
				},
			],
		},
	);
	return fields;
}

export interface ListQuery {
	qs: Record<string, string>;
	list: { returnAll: boolean; limit: number };
}

/** Reads Return All / Limit, Owner, Filters and Sort into the list query. */
export function readListQuery(context: IExecuteFunctions, itemIndex: number): ListQuery {
	const { returnAll, limit: wanted } = readReturnAllAndLimit(context, itemIndex);
	const limit = wanted ?? 0;
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const conditions: FilterCondition[] = ((filters.condition ?? []) as IDataObject[]).map(
		(condition, index) => readFilterCondition(condition, `Filter ${index + 1}`),
	);
	const owner = context.getNodeParameter('owner', itemIndex, 'all');
	if (owner === 'me' || owner === 'others') {
		conditions.unshift({ field: 'owner', operator: 'eq', value: owner });
	}
	const sort = context.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const rules = ((sort.rule ?? []) as IDataObject[]).map((rule, index) =>
		readSortRule(rule, `Sort ${index + 1}`),
	);
	const qs: Record<string, string> = {};
	const filter = buildFilterExpression(conditions);
	if (filter) qs.filter = filter;
	const sortExpression = buildSortExpression(rules);
	if (sortExpression) qs.sort = sortExpression;
	return { qs, list: { returnAll, limit } };
}
