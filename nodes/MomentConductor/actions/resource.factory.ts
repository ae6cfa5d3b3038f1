import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ConductorOperation, ConductorResource } from './types';

export interface ConductorResourceDefinition {
	operations: Record<string, ConductorOperation>;
	description: INodeProperties[];
}

/** The Operation dropdown of one resource, followed by every operation's fields. */
export function defineResource(
	resource: ConductorResource,
	operations: Array<INodePropertyOptions & { value: string; implementation: ConductorOperation }>,
	defaultOperation: string,
): ConductorResourceDefinition {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map(({ name, value, action, description }) => ({
			name,
			value,
			action,
			description,
		})),
		default: defaultOperation,
	};
	return {
		operations: Object.fromEntries(operations.map((entry) => [entry.value, entry.implementation])),
		description: [selector, ...operations.flatMap((entry) => entry.implementation.description)],
	};
}
