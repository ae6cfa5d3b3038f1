import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { randomUUID } from 'crypto';

import { executeItems, type ItemOperation } from '../../shared/execute-items';
import { deriveIdempotencyKey } from '../../shared/idempotency';
import { guardMoneyMoves } from '../../shared/money-guards';
import { callMomento, listMomento, openMomentoSession } from '../transport';
import { createOnce } from '../transport/orders';
import { momentoMoneyMove } from './order.guard';
import type { MomentoRequest } from './types';
import { resources, type MomentoResourceName } from './index';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as MomentoResourceName;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for the resource "${resource}"`,
		);
	}
	const session = await openMomentoSession(this);
	const node = this.getNode();
	// Without an execution id a derived orderID could collide across runs: fall back to a fresh one.
	const executionId = this.getExecutionId() || randomUUID();
	const workflowId = this.getWorkflow().id;
	// Inside Loop Over Items every batch starts at item 0: the run index keeps their orderIDs apart.
	const runIndex = this.getWorkflowDataProxy(0).$runIndex as number;

	const plain: ItemOperation<MomentoRequest> = {
		prepare: (itemIndex) =>
			operation.prepare.call(this, itemIndex, {
				derivedOrderId: deriveIdempotencyKey({
					executionId,
					workflowId,
					nodeId: node.id,
					runIndex,
					itemIndex,
					operation: `${resource}:${operationName}`,
				}),
				defaultCallbackUrl: session.defaultCallbackUrl,
			}),
		send: async (request, itemIndex) => {
			if (request.method === 'POST') return await createOnce(this, session, request, itemIndex);
			if (request.list) {
				const limit = request.list.returnAll ? undefined : request.list.limit;
				return await listMomento(this, session, request, limit, itemIndex);
			}
			const { body } = await callMomento(this, session, request, { itemIndex });
			return Array.isArray(body) ? body : (body as INodeExecutionData['json']);
		},
	};
	// The guards run before anything is sent: Validate Only signs nothing and sends nothing.
	const itemOperation = operation.movesMoney
		? (guardMoneyMoves(this, plain, momentoMoneyMove(session)) as ItemOperation<unknown>)
		: (plain as ItemOperation<unknown>);
	return [await executeItems(this, itemOperation)];
}
