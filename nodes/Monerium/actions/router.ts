import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { randomUUID } from 'crypto';

import { MONERIUM_ACCEPT } from '../../../credentials/MoneriumOAuth2Api.credentials';
import { deriveReferenceUuid } from '../../shared/deterministic-uuid';
import { executeItems, type ItemOperation } from '../../shared/execute-items';
import { describeRequest, guardMoneyMoves } from '../../shared/money-guards';
import { callMonerium, openMoneriumSession, type MoneriumSession } from '../transport';
import type { MoneriumCall, MoneriumMoneyMove } from './types';
import { resources, type MoneriumResourceName } from './index';

function requestOf(call: MoneriumCall) {
	if ('local' in call) throw new Error('A money move always sends a request');
	return call.request;
}

function withMoneyGuards(
	context: IExecuteFunctions,
	session: MoneriumSession,
	operation: ItemOperation<MoneriumCall>,
	moneyMove: MoneriumMoneyMove,
): ItemOperation<unknown> {
	return guardMoneyMoves(context, operation, {
		amountsOf: (call) => moneyMove.amountsOf(requestOf(call)),
		keyOf: (call) => moneyMove.keyOf(requestOf(call)),
		dryRun: (call) => {
			const request = requestOf(call);
			return {
				...describeRequest({
					method: request.method,
					url: `${session.baseUrl}${request.path}`,
					qs: request.qs,
					headers: {
						Accept: MONERIUM_ACCEPT,
						'Content-Type': 'application/json',
						// n8n's OAuth2 layer adds the access token; Validate Only fetches none.
						Authorization: 'Bearer <access token>',
					},
					body: request.body,
				}),
				orderId: moneyMove.keyOf(request),
			};
		},
	}) as ItemOperation<unknown>;
}

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
	// Reading the credential fetches no token: n8n's OAuth2 layer does that on the first request.
	let session: MoneriumSession | undefined =
		operation.moneyMove !== undefined ? await openMoneriumSession(this) : undefined;

	const plain: ItemOperation<MoneriumCall> = {
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
	};
	const itemOperation =
		operation.moneyMove && session
			? withMoneyGuards(this, session, plain, operation.moneyMove)
			: (plain as ItemOperation<unknown>);
	return [await executeItems(this, itemOperation)];
}
