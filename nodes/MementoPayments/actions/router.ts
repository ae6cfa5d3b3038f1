import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { mementoProjectHeaders } from '../../../credentials/MementoPaymentsApi.credentials';
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
	callMemento,
	listMemento,
	openMementoSession,
	requireSessionToken,
	scrub,
	type MementoSession,
} from '../transport';
import { sendOnceOrFind } from '../../shared/send-once';
import { mementoLookup } from './money-lookup';
import type { MementoMoneyMove, MementoRequest } from './types';
import { resources } from './index';

function asObject(data: unknown): IDataObject {
	if (data === '' || data === null || data === undefined) return {};
	return typeof data === 'object' && !Array.isArray(data)
		? (data as IDataObject)
		: { result: data as IDataObject['result'] };
}

/** The request exactly as the transport and the credential would send it, secrets masked. */
function dryRun(context: IExecuteFunctions, session: MementoSession, request: MementoRequest) {
	requireSessionToken(context, session);
	const headers: Record<string, string> = {
		...mementoProjectHeaders(session.credentials.data ?? {}),
	};
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
	headers['Content-Type'] = 'application/json';
	// Added by the credential from the session it opens; shown masked, never opened here.
	headers.Authorization = 'Bearer <session token>';
	return {
		...describeRequest({
			method: request.method,
			url: `${session.baseUrl}${request.path}`,
			qs: request.qs,
			headers,
			body: request.body ?? {},
			secrets: request.secrets,
		}),
		idempotencyKey: request.idempotencyKey ?? null,
	};
}

/** What a money move's item outputs: Memento's answer and the key it was sent under. */
function withKey(data: IDataObject, request: MementoRequest, replayed: boolean): IDataObject {
	return { ...data, idempotency: { key: request.idempotencyKey, replayed } };
}

function moneyMoveSpec(
	context: IExecuteFunctions,
	session: MementoSession,
	moneyMove: MementoMoneyMove,
	find: (request: MementoRequest, itemIndex: number) => Promise<IDataObject | undefined>,
): MoneyMoveSpec<MementoRequest> {
	// Lookups read what does not change within a run (a payment source, a request, who I am).
	const reads = new Map<string, Promise<IDataObject>>();
	const read = (itemIndex: number) => async (path: string) => {
		let answer = reads.get(path);
		if (!answer) {
			answer = callMemento(context, session, { method: 'GET', path }, itemIndex).then(({ data }) =>
				asObject(data),
			);
			reads.set(path, answer);
			answer.catch(() => reads.delete(path));
		}
		return await answer;
	};
	return {
		amountsOf: (request) => moneyMove.amountsOf(request),
		lookupAmounts: async (request, itemIndex) => {
			const amounts = await moneyMove.lookupAmounts(request, read(itemIndex));
			if (amounts) return amounts;
			// Only asked while amount limits are set: an amount we cannot learn is not guessed.
			throw new NodeOperationError(
				context.getNode(),
				`Memento did not tell the amount and currency of this item, so the amount limits cannot be checked [item ${itemIndex}]`,
				{
					itemIndex,
					description:
						'Check that the request has a share for you (or the payment source a currency), or remove the amount limits from the Safety options.',
				},
			);
		},
		keyOf: (request) => request.idempotencyKey,
		dryRun: (request) => dryRun(context, session, request),
		// A key an earlier run or execution recorded: looked up before anything is sent.
		reconcile: find,
	};
}

/**
 * Items sent at once unless the node says otherwise: the document gives no rate limit; a wallet API answering in hundreds of ms wants several in flight, and a 429 halves them.
 */
export const DEFAULT_PARALLEL_REQUESTS = 8;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { resource, operationName, operation } = selectOperation(this, resources);
	const scopeOf = idempotencyScopes(this, `${resource}:${operationName}`);
	// One credential read per run: the session token n8n opens lives in it for the whole batch.
	// Reading it opens no session; n8n opens one before the first request actually sent.
	const session = await openMementoSession(this);

	const lookupFor = mementoLookup(this, session);
	const { moneyMove } = operation;
	const find = async (request: MementoRequest, itemIndex: number) => {
		const found = moneyMove && (await moneyMove.find(request, lookupFor(itemIndex)));
		return found ? withKey(scrub(found, request.secrets ?? []), request, false) : undefined;
	};

	const plain: ItemOperation<MementoRequest> = {
		prepare: async (itemIndex) =>
			await operation.prepare.call(this, itemIndex, {
				derivedIdempotencyKey: deriveIdempotencyKey(scopeOf(itemIndex)),
			}),
		send: async (request, itemIndex) => {
			if (request.list) return await listMemento(this, session, request, itemIndex);
			if (moneyMove && request.idempotencyKey) {
				// Sent once; after an unknown outcome (no answer, 5xx) looked up, never resent blind.
				const { result, foundByLookup } = await sendOnceOrFind({
					send: async () => {
						const answer = await callMemento(this, session, request, itemIndex);
						return withKey(asObject(answer.data), request, answer.replayed);
					},
					lookup: async () => await find(request, itemIndex),
				});
				return foundByLookup ? { ...result, reconciled: true } : result;
			}
			const result = await callMemento(this, session, request, itemIndex);
			const data = asObject(result.data);
			if (request.method === 'DELETE' && Object.keys(data).length === 0) {
				return { deleted: true, path: request.path };
			}
			return data;
		},
	};
	const spec = moneyMove && moneyMoveSpec(this, session, moneyMove, find);
	return [
		await executeItems(this, withGuardsWhenMovingMoney(this, plain, spec), {
			parallelRequests: readParallelRequests(this, DEFAULT_PARALLEL_REQUESTS),
		}),
	];
}
