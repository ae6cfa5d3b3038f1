import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { canonicalJson, type IdempotencyScope } from './idempotency';

export interface SelectedOperation<Operation> {
	resource: string;
	operationName: string;
	operation: Operation;
}

/** The implementation the node's Resource and Operation parameters point at. */
export function selectOperation<Operation>(
	context: IExecuteFunctions,
	resources: Record<string, { operations: Record<string, Operation> }>,
): SelectedOperation<Operation> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operationName}" is not known for the resource "${resource}"`,
		);
	}
	return { resource, operationName, operation };
}

/**
 * Parameters that do not change which payment an item asks for: the user's own key or reference
 * (which replaces the derived one), limits, how many items go at once, where status callbacks go,
 * how long to wait for a final status, and secrets.
 */
const NOT_PART_OF_THE_INSTRUCTION = new Set([
	'resource',
	'operation',
	'safety',
	'batching',
	'callbackUrl',
	'idempotencyKey',
	'referenceId',
	'orderId',
	'referenceFromExternalId',
	'waitForFinalStatus',
	'waitTimeout',
	'pollInterval',
	'pin',
]);

function withoutNonInstruction(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutNonInstruction);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([name]) => !NOT_PART_OF_THE_INSTRUCTION.has(name))
				.map(([name, entry]) => [name, withoutNonInstruction(entry)]),
		);
	}
	return value;
}

/** Every parameter of the node as resolved for this item (expressions evaluated). */
function resolvedInstruction(context: IExecuteFunctions, itemIndex: number): string {
	const resolved: Record<string, unknown> = {};
	for (const name of Object.keys(context.getNode().parameters)) {
		if (NOT_PART_OF_THE_INSTRUCTION.has(name)) continue;
		resolved[name] = context.getNodeParameter(name, itemIndex, null);
	}
	return canonicalJson(withoutNonInstruction(resolved));
}

/**
 * The identity of each item's payment instruction, from which its default idempotency key,
 * reference or orderID is derived. With a business reference the provider's document makes
 * unique (Conductor's external reference, MoMo's externalId), the instruction is that reference;
 * otherwise it is every parameter the node resolved for the item. No execution id, run or item
 * index goes in: n8n's Retry of a failed execution and a re-delivered webhook feed the same
 * items again, so they derive the same keys and the repeat is recognised instead of paid.
 */
export function idempotencyScopes(
	context: IExecuteFunctions,
	operation: string,
	referenceParameter?: string,
): (itemIndex: number) => IdempotencyScope {
	const workflowId = context.getWorkflow().id;
	const nodeId = context.getNode().id;
	return (itemIndex) => {
		const reference =
			referenceParameter === undefined
				? ''
				: String(context.getNodeParameter(referenceParameter, itemIndex, '') ?? '').trim();
		const instruction =
			reference !== ''
				? `reference:${reference}`
				: `parameters:${resolvedInstruction(context, itemIndex)}`;
		return { workflowId, nodeId, operation, instruction };
	};
}
