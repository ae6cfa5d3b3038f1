import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeProviderNode, type ProviderNode } from '../../shared/execution/provider-node';
import { callConductor, openConductorSession, type ConductorSession } from '../transport';
import { resources } from './index';
import { conductorMoneyMove } from './money-move';
import type { ConductorItemContext, ConductorMoneyMove, ConductorRequest } from './types';

/**
 * Items sent at once unless the node says otherwise: Conductor documents no rate limit and replays every POST by its key; at 300 ms an answer, 16 in flight pay 1000 bills in about 20 s instead of 5 minutes, and a 429 halves them.
 */
export const DEFAULT_PARALLEL_REQUESTS = 16;

const conductor: ProviderNode<
	ConductorSession,
	ConductorRequest,
	ConductorItemContext,
	ConductorMoneyMove
> = {
	resources,
	defaultParallelRequests: DEFAULT_PARALLEL_REQUESTS,
	// Conductor's external reference identifies a transaction; other operations their parameters.
	referenceParameter: 'externalReference',
	openSession: openConductorSession,
	itemContext: (session, identity) => ({
		defaultRetailerId: session.defaultRetailerId,
		derivedIdempotencyKey: identity.key(),
	}),
	send: async (context, session, request, itemIndex) => {
		const result = await callConductor(context, session, request, itemIndex);
		if (request.method !== 'POST' || request.atRoot) return result.data;
		const idempotency: IDataObject = { key: request.idempotencyKey, replayed: result.replayed };
		return { ...result.data, idempotency };
	},
	guardMoneyMove: conductorMoneyMove,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeProviderNode(this, conductor);
}
