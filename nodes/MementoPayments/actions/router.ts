import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeProviderNode, type ProviderNode } from '../../shared/execution/provider-node';
import { sendOnceOrFind } from '../../shared/money/send-once';
import { callMemento, listMemento, openMementoSession } from '../transport';
import { resources } from './index';
import {
	answerItem,
	findMove,
	mementoMoneyMove,
	withKey,
	withLookups,
	type MementoRun,
} from './money-move';
import type { MementoItemContext, MementoMoneyMove, MementoRequest } from './types';

/**
 * Items sent at once unless the node says otherwise: the document gives no rate limit; a wallet API answering in hundreds of ms wants several in flight, and a 429 halves them.
 */
export const DEFAULT_PARALLEL_REQUESTS = 8;

const memento: ProviderNode<MementoRun, MementoRequest, MementoItemContext, MementoMoneyMove> = {
	resources,
	defaultParallelRequests: DEFAULT_PARALLEL_REQUESTS,
	// One credential read per run: the session token n8n opens lives in it for the whole batch.
	// Reading it opens no session; n8n opens one before the first request actually sent.
	openSession: async (context) => withLookups(context, await openMementoSession(context)),
	itemContext: (_session, identity) => ({ derivedIdempotencyKey: identity.key() }),
	send: async (context, run, request, itemIndex, { moneyMove }) => {
		if (request.list) return await listMemento(context, run, request, itemIndex);
		if (moneyMove && request.idempotencyKey) {
			// Sent once; after an unknown outcome (no answer, 5xx) looked up, never resent blind.
			const { result, foundByLookup } = await sendOnceOrFind({
				send: async () => {
					const answer = await callMemento(context, run, request, itemIndex);
					return withKey(answerItem(answer.data), request, answer.replayed);
				},
				lookup: async () => await findMove(run, moneyMove, request, itemIndex),
			});
			return foundByLookup ? { ...result, reconciled: true } : result;
		}
		const data = answerItem((await callMemento(context, run, request, itemIndex)).data);
		if (request.method === 'DELETE' && Object.keys(data).length === 0) {
			return { deleted: true, path: request.path };
		}
		return data;
	},
	guardMoneyMove: mementoMoneyMove,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeProviderNode(this, memento);
}
