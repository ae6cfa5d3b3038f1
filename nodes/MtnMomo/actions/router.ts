import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { randomUUID } from 'crypto';

import { deriveReferenceUuid } from '../../shared/deterministic-uuid';
import { executeItems, type ItemOperation } from '../../shared/execute-items';
import { guardMoneyMoves } from '../../shared/money-guards';
import { callMomo, openMomoSession } from '../transport';
import { momoMoneyMove } from './payment.guard';
import { sendPayment } from './payment.send';
import type { MomoPrepared } from './types';
import { resources, type MomoResourceName } from './index';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as MomoResourceName;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for the resource "${resource}"`,
		);
	}
	const session = await openMomoSession(this);
	const node = this.getNode();
	// Without an execution id a derived reference could collide across runs: use a fresh one.
	const executionId = this.getExecutionId() || randomUUID();
	const workflowId = this.getWorkflow().id;
	// Inside Loop Over Items every batch starts again at item 0: the run index tells them apart.
	const runIndex = this.getWorkflowDataProxy(0).$runIndex as number;

	const plain: ItemOperation<MomoPrepared> = {
		prepare: (itemIndex) =>
			operation.prepare.call(this, itemIndex, {
				derivedReferenceId: deriveReferenceUuid({
					executionId,
					workflowId,
					nodeId: node.id,
					runIndex,
					itemIndex,
					operation: `${resource}:${operationName}`,
				}),
				targetEnvironment: session.targetEnvironment,
				defaultCallbackUrl: session.defaultCallbackUrl,
			}),
		send: async (prepared, itemIndex) => {
			if (prepared.payment) return await sendPayment(this, session, prepared, itemIndex);
			const response = await callMomo(this, session, prepared.request, itemIndex);
			return prepared.present ? prepared.present(response) : response.body;
		},
	};
	// The guards run before anything is sent: Validate Only fetches no token and sends nothing.
	const itemOperation = operation.movesMoney
		? (guardMoneyMoves(this, plain, momoMoneyMove(session)) as ItemOperation<unknown>)
		: (plain as ItemOperation<unknown>);
	return [await executeItems(this, itemOperation)];
}
