import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { randomUUID } from 'crypto';

import { executeItems, type ItemOperation } from '../../shared/execute-items';
import { deriveIdempotencyKey } from '../../shared/idempotency';
import { describeRequest, guardMoneyMoves } from '../../shared/money-guards';
import {
	callConductor,
	conductorHeaders,
	conductorUrl,
	openConductorSession,
	type ConductorSession,
} from '../transport';
import { resources, type ConductorResourceName } from './index';
import type { ConductorMoneyMove, ConductorRequest } from './types';

function withMoneyGuards(
	context: IExecuteFunctions,
	session: ConductorSession,
	operation: ItemOperation<ConductorRequest>,
	moneyMove: ConductorMoneyMove,
): ItemOperation<unknown> {
	return guardMoneyMoves(context, operation, {
		amountsOf: (request) => moneyMove.amountsOf(request),
		lookupAmounts: moneyMove.amountLookup
			? async (request, itemIndex) => {
					const lookup = moneyMove.amountLookup!(request);
					const { data } = await callConductor(context, session, lookup, itemIndex);
					const amount = data.amount as { currency: string; value: string } | undefined;
					return amount ? [{ currency: amount.currency, amount: amount.value }] : undefined;
				}
			: undefined,
		keyOf: (request) => request.idempotencyKey,
		dryRun: (request) => ({
			...describeRequest({
				method: request.method,
				url: conductorUrl(session, request),
				qs: request.qs,
				headers: { ...conductorHeaders(request), Authorization: 'Bearer' },
				body: (request.body ?? {}) as IDataObject,
			}),
			idempotencyKey: request.idempotencyKey ?? null,
		}),
	}) as ItemOperation<unknown>;
}

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
	const runIndex = this.getWorkflowDataProxy(0).$runIndex as number;

	const plain: ItemOperation<ConductorRequest> = {
		prepare: (itemIndex) => {
			const derivedIdempotencyKey = deriveIdempotencyKey({
				executionId,
				workflowId,
				nodeId: node.id,
				runIndex,
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
	};
	const itemOperation = operation.moneyMove
		? withMoneyGuards(this, session, plain, operation.moneyMove)
		: (plain as ItemOperation<unknown>);
	return [await executeItems(this, itemOperation)];
}
