import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { idempotencyScopes, selectOperation } from '../../shared/router';
import { RATE_LIMIT_PER_HOUR } from '../transport/errors';
import { readParallelRequests } from '../../shared/batching';
import { executeItems, type ItemOperation } from '../../shared/execute-items';
import { canonicalJson, deriveIdempotencyKey } from '../../shared/idempotency';
import { withGuardsWhenMovingMoney } from '../../shared/money-guards';
import { callMomento, listMomento, openMomentoSession } from '../transport';
import { createOnce } from '../transport/orders';
import { momentoMoneyMove } from './order.guard';
import type { MomentoRequest } from './types';
import { resources } from './index';

/**
 * Items sent at once unless the node says otherwise: Momento allows 1000 requests per hour, which the run's budget keeps to; a few in flight are plenty within it.
 */
export const DEFAULT_PARALLEL_REQUESTS = 4;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { resource, operationName, operation } = selectOperation(this, resources);
	const scopeOf = idempotencyScopes(this, `${resource}:${operationName}`);
	const session = await openMomentoSession(this);

	const plain: ItemOperation<MomentoRequest> = {
		prepare: (itemIndex) =>
			operation.prepare.call(this, itemIndex, {
				// The order's own content, not the execution nor where Momento reports its status.
				deriveOrderId: (content) =>
					deriveIdempotencyKey({
						...scopeOf(itemIndex),
						instruction: `order:${canonicalJson(content)}`,
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
	const moneyMove = operation.movesMoney ? momentoMoneyMove(this, session) : undefined;
	return [
		await executeItems(this, withGuardsWhenMovingMoney(this, plain, moneyMove), {
			parallelRequests: readParallelRequests(this, DEFAULT_PARALLEL_REQUESTS),
			budget: { requests: RATE_LIMIT_PER_HOUR, windowMs: 3_600_000 },
		}),
	];
}
