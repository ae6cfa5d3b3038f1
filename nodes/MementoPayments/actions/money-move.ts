import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { mementoProjectHeaders } from '../constants';
import { describeRequest, type MoneyMoveSpec } from '../../shared/money/guard-money-moves';
import { callMemento, requireSessionToken, scrub, type MementoSession } from '../transport';
import { mementoLookup } from './money-lookup';
import type { MementoLookup, MementoMoneyMove, MementoRequest } from './types';

/** A node run's session, with the reads its money-move lookups share (the current user). */
export interface MementoRun extends MementoSession {
	lookupFor: (itemIndex: number) => MementoLookup;
}

export function withLookups(context: IExecuteFunctions, session: MementoSession): MementoRun {
	return { ...session, lookupFor: mementoLookup(context, session) };
}

/** Memento's answer as one output item: an object as is, nothing as {}, anything else as { result }. */
export function answerItem(data: unknown): IDataObject {
	if (data === '' || data === null || data === undefined) return {};
	return typeof data === 'object' && !Array.isArray(data)
		? (data as IDataObject)
		: { result: data as IDataObject['result'] };
}

/** What a money move's item outputs: Memento's answer and the key it was sent under. */
export function withKey(
	data: IDataObject,
	request: MementoRequest,
	replayed: boolean,
): IDataObject {
	return { ...data, idempotency: { key: request.idempotencyKey, replayed } };
}

/** The move this request made, as its item would output it; undefined when Memento has none. */
export async function findMove(
	run: MementoRun,
	moneyMove: MementoMoneyMove,
	request: MementoRequest,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const found = await moneyMove.find(request, run.lookupFor(itemIndex));
	return found ? withKey(scrub(found, request.secrets ?? []), request, false) : undefined;
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

/**
 * How a Memento money move is guarded: its amounts (learned with GETs when the request does not
 * carry them), its Idempotency-Key, its Validate Only output, and the lookup that finds it before
 * a repeat (the document promises no deduplication).
 */
export function mementoMoneyMove(
	context: IExecuteFunctions,
	run: MementoRun,
	moneyMove: MementoMoneyMove,
): MoneyMoveSpec<MementoRequest> {
	// Lookups read what does not change within a run (a payment source, a request, who I am).
	const reads = new Map<string, Promise<IDataObject>>();
	const read = (itemIndex: number) => async (path: string) => {
		let answer = reads.get(path);
		if (!answer) {
			answer = callMemento(context, run, { method: 'GET', path }, itemIndex).then(({ data }) =>
				answerItem(data),
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
		dryRun: (request) => dryRun(context, run, request),
		// A key an earlier run or execution recorded: looked up before anything is sent.
		reconcile: async (request, itemIndex) => await findMove(run, moneyMove, request, itemIndex),
	};
}
