import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeProviderNode, type ProviderNode } from '../../shared/execution/provider-node';
import { callMomo, openMomoSession, type MomoSession } from '../transport';
import { resources } from './index';
import { momoMoneyMove } from './money-move';
import { sendPayment } from './send-payment';
import type { MomoItemContext, MomoPrepared } from './types';

/**
 * Items sent at once unless the node says otherwise: MTN documents no per-client limit for these operations; at 300 ms an answer, 12 in flight are over 10x faster than one by one, and a 429 halves them.
 */
export const DEFAULT_PARALLEL_REQUESTS = 12;

const momo: ProviderNode<MomoSession, MomoPrepared, MomoItemContext> = {
	resources,
	defaultParallelRequests: DEFAULT_PARALLEL_REQUESTS,
	// A payment's externalId is its business reference: the same externalId, the same X-Reference-Id.
	referenceParameter: 'externalId',
	openSession: openMomoSession,
	itemContext: (session, identity) => ({
		derivedReferenceId: identity.uuid(),
		targetEnvironment: session.targetEnvironment,
		defaultCallbackUrl: session.defaultCallbackUrl,
	}),
	send: async (context, session, prepared, itemIndex) => {
		if (prepared.payment) return await sendPayment(context, session, prepared, itemIndex);
		const response = await callMomo(context, session, prepared.request, itemIndex);
		return prepared.present ? prepared.present(response) : response.body;
	},
	guardMoneyMove: (context, session) => momoMoneyMove(context, session),
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeProviderNode(this, momo);
}
