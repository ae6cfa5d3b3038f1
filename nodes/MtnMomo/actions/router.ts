import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { deriveReferenceUuid } from '../../shared/deterministic-uuid';
import { idempotencyScopes, selectOperation } from '../../shared/router';
import { readParallelRequests } from '../../shared/batching';
import { executeItems, type ItemOperation } from '../../shared/execute-items';
import { withGuardsWhenMovingMoney } from '../../shared/money-guards';
import { callMomo, openMomoSession } from '../transport';
import { momoMoneyMove } from './payment.guard';
import { sendPayment } from './payment.send';
import type { MomoPrepared } from './types';
import { resources } from './index';

/**
 * Items sent at once unless the node says otherwise: MTN documents no per-client limit for these operations; at 300 ms an answer, 12 in flight are over 10x faster than one by one, and a 429 halves them.
 */
export const DEFAULT_PARALLEL_REQUESTS = 12;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { resource, operationName, operation } = selectOperation(this, resources);
	// A payment's externalId is its business reference: the same externalId, the same X-Reference-Id.
	const scopeOf = idempotencyScopes(this, `${resource}:${operationName}`, 'externalId');
	const session = await openMomoSession(this);

	const plain: ItemOperation<MomoPrepared> = {
		prepare: (itemIndex) =>
			operation.prepare.call(this, itemIndex, {
				derivedReferenceId: deriveReferenceUuid(scopeOf(itemIndex)),
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
	const moneyMove = operation.movesMoney ? momoMoneyMove(this, session) : undefined;
	return [
		await executeItems(this, withGuardsWhenMovingMoney(this, plain, moneyMove), {
			parallelRequests: readParallelRequests(this, DEFAULT_PARALLEL_REQUESTS),
		}),
	];
}
