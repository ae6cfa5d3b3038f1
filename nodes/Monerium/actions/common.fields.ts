import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	readReturnAllAndLimit,
	returnAllAndLimitFields,
} from '../../shared/description/list-options';

import { describeValue, FieldError, optionalText } from '../../shared/description/field-validation';
import { CHAIN_NAMES } from '../constants';
import { requireAddress, requireUuid } from '../order-rules';

export function requireChain(value: unknown, field = 'Chain'): string {
	const chain = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (!Object.prototype.hasOwnProperty.call(CHAIN_NAMES, chain)) {
		throw new FieldError(
			field,
			`${field} must be one of ${Object.keys(CHAIN_NAMES).join(', ')} (got ${describeValue(value)})`,
		);
	}
	return chain;
}

export function chainField(
	name = 'chain',
	displayName = 'Chain',
	required = true,
): INodeProperties {
	return {
		displayName: `${displayName} Name or ID`,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getChains' },
		default: '',
		required,
		description:
			'Blockchain of the address. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

export const profileLocator: INodeProperties = {
	displayName: 'Profile',
	name: 'profile',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchProfiles', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'a78d8ff2-e51f-11ed-9e13-cacb9390199c',
		},
	],
};

export const addressLocator: INodeProperties = {
	displayName: 'Address',
	name: 'address',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'A blockchain address linked to Monerium',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAddresses', searchable: true },
		},
		{
			displayName: 'Address',
			name: 'id',
			type: 'string',
			placeholder: '0x59cFC408d310697f9D3598e1BE75B0157a072407',
		},
	],
};

export function readLocator(context: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return context.getNodeParameter(name, itemIndex, '', { extractValue: true });
}

export function readProfile(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'profile',
): string {
	return requireUuid(readLocator(context, name, itemIndex), 'Profile');
}

export function readAddress(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'address',
): string {
	return requireAddress(readLocator(context, name, itemIndex), 'Address');
}

/** Kept under this name for the Monerium operations that import it. */
export const returnAllFields = returnAllAndLimitFields;

/** Monerium's lists come in one page (no pagination documented): apply Return All / Limit. */
export function listOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	key: string,
): (body: IDataObject) => IDataObject[] {
	const { limit } = readReturnAllAndLimit(context, itemIndex);
	return (body) => {
		const list = Array.isArray(body[key])
			? (body[key] as IDataObject[])
			: Array.isArray(body.items)
				? (body.items as IDataObject[])
				: [];
		return limit === undefined ? list : list.slice(0, limit);
	};
}

/** Query filters that are set, as strings. */
export function filtersToQs(filters: IDataObject): Record<string, string> {
	const qs: Record<string, string> = {};
	for (const [key, value] of Object.entries(filters)) {
		const text = optionalText(value);
		if (text !== undefined) qs[key] = text;
	}
	return qs;
}

export function jsonField(
	name: string,
	displayName: string,
	description: string,
	example: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'json',
		default: example,
		required: true,
		description,
	};
}
