import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MONERIUM_ACCEPT } from '../constants';
import { describeRequest, type MoneyMoveSpec } from '../../shared/money/guard-money-moves';
import { sendOnceOrFind } from '../../shared/money/send-once';
import { callMonerium, type MoneriumResult, type MoneriumSession } from '../transport';
import type { MoneriumCall, MoneriumMoneyMove } from './types';

type RequestCall = Exclude<MoneriumCall, { local: IDataObject }>;

function requestOf(call: MoneriumCall) {
	if ('local' in call) throw new Error('A money move always sends a request');
	return call.request;
}

function shape(call: RequestCall, result: MoneriumResult): IDataObject | IDataObject[] {
	return call.output ? call.output(result.body, result.statusCode) : result.body;
}

/** Sends the request; a 409 the call expects ("already exists") reads the existing record. */
async function sendCall(
	context: IExecuteFunctions,
	session: MoneriumSession,
	call: RequestCall,
	itemIndex: number,
): Promise<MoneriumResult> {
	const result = await callMonerium(context, session, call.request, itemIndex);
	if (result.statusCode !== 409 || !call.onConflict) return result;
	const existing = await callMonerium(context, session, call.onConflict, itemIndex);
	return { statusCode: 409, body: existing.body };
}

/** The existing record, answered as a 409 replay would be; undefined when Monerium has none. */
async function lookUp(
	context: IExecuteFunctions,
	session: MoneriumSession,
	call: RequestCall,
	itemIndex: number,
): Promise<MoneriumResult | undefined> {
	if (!call.lookup) return undefined;
	const found = await callMonerium(context, session, call.lookup, itemIndex);
	return found.statusCode === 404 ? undefined : { statusCode: 409, body: found.body };
}

/**
 * A call with a lookup (an order) is sent once: after an unknown outcome it is looked up by its
 * id and sent again only when Monerium proves it has none (`reconciled: true` when found).
 */
export async function sendOnce(
	context: IExecuteFunctions,
	session: MoneriumSession,
	call: RequestCall,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	if (!call.lookup) return shape(call, await sendCall(context, session, call, itemIndex));
	const { result, foundByLookup } = await sendOnceOrFind<MoneriumResult>({
		send: async () => await sendCall(context, session, call, itemIndex),
		lookup: async () => await lookUp(context, session, call, itemIndex),
	});
	return { ...(shape(call, result) as IDataObject), reconciled: foundByLookup };
}

/**
 * How a Monerium order is guarded: its amounts, its order id (the same id is the same order), its
 * Validate Only output, and the lookup by id before a repeat (no deduplication is promised).
 */
export function moneriumMoneyMove(
	context: IExecuteFunctions,
	session: MoneriumSession,
	moneyMove: MoneriumMoneyMove,
): MoneyMoveSpec<MoneriumCall> {
	return {
		reconcile: async (call, itemIndex) => {
			if ('local' in call) return undefined;
			const found = await lookUp(context, session, call, itemIndex);
			return found && (shape(call, found) as IDataObject);
		},
		amountsOf: (call) => moneyMove.amountsOf(requestOf(call)),
		keyOf: (call) => moneyMove.keyOf(requestOf(call)),
		dryRun: (call) => {
			const request = requestOf(call);
			return {
				...describeRequest({
					method: request.method,
					url: `${session.baseUrl}${request.path}`,
					qs: request.qs,
					headers: {
						Accept: MONERIUM_ACCEPT,
						'Content-Type': 'application/json',
						// n8n's OAuth2 layer adds the access token; Validate Only fetches none.
						Authorization: 'Bearer <access token>',
					},
					body: request.body,
				}),
				orderId: moneyMove.keyOf(request),
			};
		},
	};
}
