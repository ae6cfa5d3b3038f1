import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { randomUUID } from 'crypto';

import { deriveReferenceUuid } from '../../shared/deterministic-uuid';
import { executeItems } from '../../shared/execute-items';
import { callMonerium, openMoneriumSession, type MoneriumSession } from '../transport';
import type { MoneriumCall } from './types';
import { resources, type MoneriumResourceName } from './index';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as MoneriumResourceName;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for the resource "${resource}"`,
		);
	}
	const node = this.getNode();
	// Without an execution id a derived id could collide across runs: fall back to a fresh one.
	const executionId = this.getExecutionId() || randomUUID();
	const workflowId = this.getWorkflow().id;
	// Inside Loop Over Items every batch starts at item 0: the run index keeps their ids apart.
	const runIndex = this.getWorkflowDataProxy(0).$runIndex as number;
	let session: MoneriumSession | undefined;

	const output = await executeItems<MoneriumCall>(this, {
		prepare: async (itemIndex) =>
			await operation.prepare.call(this, itemIndex, {
				derivedOrderId: deriveReferenceUuid({
					executionId,
					workflowId,
					nodeId: node.id,
					runIndex,
					itemIndex,
					operation: `${resource}:${operationName}`,
				}),
				now: new Date(),
			}),
		send: async (call, itemIndex): Promise<IDataObject | IDataObject[]> => {
			if ('local' in call) return call.local;
			session ??= await openMoneriumSession(this);
			let result = await callMonerium(this, session, call.request, itemIndex);
			if (result.statusCode === 409 && call.onConflict) {
				const existing = await callMonerium(this, session, call.onConflict, itemIndex);
				result = { statusCode: 409, body: existing.body };
			}
			return call.output ? call.output(result.body, result.statusCode) : result.body;
		},
	});
	return [output];
}
