import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeProviderNode, type ProviderNode } from '../../shared/execution/provider-node';
import { openMoneriumSession, type MoneriumSession } from '../transport';
import { resources } from './index';
import { moneriumMoneyMove, sendOnce } from './money-move';
import type { MoneriumCall, MoneriumItemContext, MoneriumMoneyMove } from './types';

/**
 * Items sent at once unless the node says otherwise: the document gives no rate limit; a 429 halves them.
 */
export const DEFAULT_PARALLEL_REQUESTS = 8;

const monerium: ProviderNode<
	MoneriumSession,
	MoneriumCall,
	MoneriumItemContext,
	MoneriumMoneyMove
> = {
	resources,
	defaultParallelRequests: DEFAULT_PARALLEL_REQUESTS,
	// n8n's OAuth2 layer fetches a missing token once per request in flight.
	firstRequestAlone: true,
	// Reading the credential fetches no token: n8n's OAuth2 layer does that on the first request.
	openSession: openMoneriumSession,
	itemContext: (_session, identity) => ({
		// The order's own content, not the execution nor the (re-)signed message.
		deriveOrderId: (content) => identity.uuid(content),
		now: new Date(),
	}),
	send: async (context, session, call, itemIndex) =>
		'local' in call ? call.local : await sendOnce(context, session, call, itemIndex),
	guardMoneyMove: moneriumMoneyMove,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeProviderNode(this, monerium);
}
