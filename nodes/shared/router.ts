import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { randomUUID } from 'crypto';

import type { IdempotencyScope } from './idempotency';

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
 * The scope of each item's derived idempotency key or reference in this run of the node: the same
 * item of the same run in the same execution always gets the same one (so retries replay), and
 * every other item, run (a pass of Loop Over Items, which restarts at item 0) or execution another.
 */
export function idempotencyScopes(
	context: IExecuteFunctions,
	operation: string,
): (itemIndex: number) => IdempotencyScope {
	// Without an execution id a derived key could collide across runs: fall back to a fresh one.
	const executionId = context.getExecutionId() || randomUUID();
	const workflowId = context.getWorkflow().id;
	const nodeId = context.getNode().id;
	const runIndex = context.getWorkflowDataProxy(0).$runIndex as number;
	return (itemIndex) => ({ executionId, workflowId, nodeId, runIndex, itemIndex, operation });
}
