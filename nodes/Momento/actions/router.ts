import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { idempotencyScopes, selectOperation } from '../../shared/router';
import { executeItems, type ItemOperation } from '../../shared/execute-items';
import { deriveIdempotencyKey } from '../../shared/idempotency';
import { withGuardsWhenMovingMoney } from '../../shared/money-guards';
import { callMomento, listMomento, openMomentoSession } from '../transport';
import { createOnce } from '../transport/orders';
import { momentoMoneyMove } from './order.guard';
import type { MomentoRequest } from './types';
import { resources } from './index';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { resource, operationName, operation } = selectOperation(this, resources);
	const scopeOf = idempotencyScopes(this, `${resource}:${operationName}`);
	const session = await openMomentoSession(this);

	const plain: ItemOperation<MomentoRequest> = {
		prepare: (itemIndex) =>
			operation.prepare.call(this, itemIndex, {
				derivedOrderId: deriveIdempotencyKey(scopeOf(itemIndex)),
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
	const moneyMove = operation.movesMoney ? momentoMoneyMove(session) : undefined;
	return [await executeItems(this, withGuardsWhenMovingMoney(this, plain, moneyMove))];
}
