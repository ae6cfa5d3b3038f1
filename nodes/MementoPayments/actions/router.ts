import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { randomUUID } from 'crypto';

import { executeItems } from '../../shared/execute-items';
import { deriveIdempotencyKey } from '../../shared/idempotency';
import { callMemento, listMemento, openMementoSession } from '../transport';
import type { MementoRequest } from './types';
import { resources, type MementoResourceName } from './index';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as MementoResourceName;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for the resource "${resource}"`,
		);
	}
	// One credential read per run: the session token n8n opens lives in it for the whole batch.
	const session = await openMementoSession(this);
	const node = this.getNode();
	// Without an execution id a derived key could collide across runs: fall back to a fresh one.
	const executionId = this.getExecutionId() || randomUUID();
	const workflowId = this.getWorkflow().id;
	// A node inside a loop runs once per batch, each starting at item 0: keys differ per run.
	const runIndex = this.getWorkflowDataProxy(0).$runIndex as number;

	const output = await executeItems<MementoRequest>(this, {
		prepare: async (itemIndex) =>
			await operation.prepare.call(this, itemIndex, {
				derivedIdempotencyKey: deriveIdempotencyKey({
					executionId,
					workflowId,
					nodeId: node.id,
					runIndex,
					itemIndex,
					operation: `${resource}:${operationName}`,
				}),
			}),
		send: async (request, itemIndex) => {
			if (request.list) return await listMemento(this, session, request, itemIndex);
			const result = await callMemento(this, session, request, itemIndex);
			const empty = result.data === '' || result.data === null || result.data === undefined;
			const data: IDataObject = empty
				? {}
				: typeof result.data === 'object' && !Array.isArray(result.data)
					? (result.data as IDataObject)
					: { result: result.data as IDataObject['result'] };
			if (request.method === 'DELETE' && Object.keys(data).length === 0) {
				return { deleted: true, path: request.path };
			}
			if (!request.idempotencyKey) return data;
			return { ...data, idempotency: { key: request.idempotencyKey, replayed: result.replayed } };
		},
	});
	return [output];
}
