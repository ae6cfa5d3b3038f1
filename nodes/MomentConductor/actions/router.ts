import { type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { idempotencyScopes, selectOperation } from '../../shared/router';
import { readParallelRequests } from '../../shared/batching';
import { executeItems, type ItemOperation } from '../../shared/execute-items';
import { deriveIdempotencyKey } from '../../shared/idempotency';
import {
	describeRequest,
	withGuardsWhenMovingMoney,
	type MoneyMoveSpec,
} from '../../shared/money-guards';
import {
	callConductor,
	conductorHeaders,
	conductorUrl,
	openConductorSession,
	type ConductorSession,
} from '../transport';
import { resources } from './index';
import type { ConductorMoneyMove, ConductorRequest } from './types';

function moneyMoveSpec(
	context: IExecuteFunctions,
	session: ConductorSession,
	moneyMove: ConductorMoneyMove,
): MoneyMoveSpec<ConductorRequest> {
	return {
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
	};
}

/**
 * Items sent at once unless the node says otherwise: Conductor documents no rate limit and replays every POST by its key; at 300 ms an answer, 16 in flight pay 1000 bills in about 20 s instead of 5 minutes, and a 429 halves them.
 */
export const DEFAULT_PARALLEL_REQUESTS = 16;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { resource, operationName, operation } = selectOperation(this, resources);
	// Conductor's external reference identifies a transaction; other operations their parameters.
	const scopeOf = idempotencyScopes(this, `${resource}:${operationName}`, 'externalReference');
	const session = await openConductorSession(this);

	const plain: ItemOperation<ConductorRequest> = {
		prepare: (itemIndex) => {
			const derivedIdempotencyKey = deriveIdempotencyKey(scopeOf(itemIndex));
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
	const moneyMove = operation.moneyMove && moneyMoveSpec(this, session, operation.moneyMove);
	return [
		await executeItems(this, withGuardsWhenMovingMoney(this, plain, moneyMove), {
			parallelRequests: readParallelRequests(this, DEFAULT_PARALLEL_REQUESTS),
		}),
	];
}
