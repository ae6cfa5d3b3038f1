import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeProviderNode, type ProviderNode } from '../../shared/execution/provider-node';
import { callMomento, listMomento, openMomentoSession, type MomentoSession } from '../transport';
import { RATE_LIMIT_PER_HOUR } from '../transport/errors';
import { createOnce } from '../transport/orders';
import { resources } from './index';
import { momentoMoneyMove } from './money-move';
import type { MomentoItemContext, MomentoRequest } from './types';

/**
 * Items sent at once unless the node says otherwise: Momento allows 1000 requests per hour, which the run's budget keeps to; a few in flight are plenty within it.
 */
export const DEFAULT_PARALLEL_REQUESTS = 4;

const momento: ProviderNode<MomentoSession, MomentoRequest, MomentoItemContext> = {
	resources,
	defaultParallelRequests: DEFAULT_PARALLEL_REQUESTS,
	budget: { requests: RATE_LIMIT_PER_HOUR, windowMs: 3_600_000 },
	openSession: async (context) => await openMomentoSession(context),
	itemContext: (session, identity) => ({
		// The order's own content, not the execution nor where Momento reports its status.
		deriveOrderId: (content) => identity.key(content),
		defaultCallbackUrl: session.defaultCallbackUrl,
	}),
	send: async (context, session, request, itemIndex) => {
		if (request.method === 'POST') return await createOnce(context, session, request, itemIndex);
		if (request.list) {
			const limit = request.list.returnAll ? undefined : request.list.limit;
			return await listMomento(context, session, request, limit, itemIndex);
		}
		const { body } = await callMomento(context, session, request, { itemIndex });
		return Array.isArray(body) ? (body as IDataObject[]) : (body as IDataObject);
	},
	guardMoneyMove: (context, session) => momentoMoneyMove(context, session),
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeProviderNode(this, momento);
}
