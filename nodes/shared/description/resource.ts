import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Anything an operation module exposes to its node: at least its fields. */
export interface OperationModule {
	description: INodeProperties[];
}

export interface ResourceDefinition<Operation extends OperationModule> {
	operations: Record<string, Operation>;
	description: INodeProperties[];
}

export type OperationEntry<Operation> = INodePropertyOptions & {
	value: string;
	action: string;
	implementation: Operation;
};

/**
 * One resource of a Resource -> Operation node: its Operation dropdown, shown for that resource,
 * followed by every operation's fields, plus a lookup of the implementations by operation value.
 */
export function defineResource<Operation extends OperationModule>(
	resource: string,
	operations: Array<OperationEntry<Operation>>,
	defaultOperation: string,
): ResourceDefinition<Operation> {
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
