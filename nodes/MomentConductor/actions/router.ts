import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { randomUUID } from 'crypto';

import { executeItems } from '../../shared/execute-items';
import { deriveIdempotencyKey } from '../../shared/idempotency';
import { callConductor, openConductorSession } from '../transport';
import type { ConductorRequest } from './types';
import { resources, type ConductorResourceName } from './index';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as ConductorResourceName;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for the resource "${resource}"`,
		);
	}
	const session = await openConductorSession(this);
	const node = this.getNode();
	// Without an execution id a derived key could collide across runs: fall back to a fresh one.
	const executionId = this.getExecutionId() || randomUUID();
	const workflowId = this.getWorkflow().id;

	const output = await executeItems<ConductorRequest>(this, {
		prepare: (itemIndex) => {
			const derivedIdempotencyKey = deriveIdempotencyKey({
				executionId,
				workflowId,
				nodeId: node.id,
				itemIndex,
				operation: `${resource}:${operationName}`,
			});
			const request = operation.prepare.call(this, itemIndex, {
				defaultRetailerId: session.defaultRetailerId,
				derivedIdempotencyKey,
			});
			// Conductor deduplicates every POST by key, so every POST carries one.
			if (request.method === 'POST') request.idempotencyKey ??= derivedIdempotencyKey;
			return request;
		},
		send: async (request, itemIndex) => {
			const result = await callConductor(this, session, request, itemIndex);
			if (request.method !== 'POST' || request.atRoot) return result.data;
			const idempotency: IDataObject = { key: request.idempotencyKey, replayed: result.replayed };
			return { ...result.data, idempotency };
		},
	});
	return [output];
}
