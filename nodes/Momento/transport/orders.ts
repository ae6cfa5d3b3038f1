import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import {
	callMomento,
	listMomento,
	type MomentoRequest,
	type MomentoSession,
	type OrderKind,
} from './index';
import type { RequestContext } from '../../shared/http/send-with-retry';
import { sendOnceOrFind } from '../../shared/money/send-once';

export const ORDER_PATHS: Record<OrderKind, string> = {
	deposit: '/deposit_orders/',
	withdrawal: '/withdrawal_orders/',
};

/**
 * The orders of this kind whose orderID is exactly `orderID`, through the list endpoint's orderID
 * filter (assumed: the document describes no filters). Every page the filter returns is read and
 * the orderID compared here, since a provider may ignore the filter; the walk stops at the first
 * page holding an order `wanted` accepts.
 */
async function ordersWithId(
	context: RequestContext,
	session: MomentoSession,
	kind: OrderKind,
	orderID: string,
	itemIndex: number | undefined,
	wanted: (order: IDataObject) => boolean = () => true,
): Promise<IDataObject[]> {
	const same = (order: IDataObject) => String(order.orderID ?? '') === orderID;
	const listed = await listMomento(
		context,
		session,
		{ method: 'GET', path: ORDER_PATHS[kind], qs: { orderID } },
		undefined,
		itemIndex,
		(order) => same(order) && wanted(order),
	);
	return listed.filter(same);
}

/** Reads one order by its orderID (the newest, as Momento lists newest first). */
export async function findOrder(
	context: RequestContext,
	session: MomentoSession,
	kind: OrderKind,
	orderID: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const [order] = await ordersWithId(context, session, kind, orderID, itemIndex);
	return order;
}

function sameText(left: unknown, right: unknown): boolean {
	return String(left ?? '') === String(right ?? '');
}

/** Amounts compared as decimals ("500" equals "500.00"), never as floats. */
function sameAmount(left: unknown, right: unknown): boolean {
	const canonical = (value: unknown) => {
		const [integer, fraction = ''] = String(value ?? '').split('.');
		return `${integer.replace(/^0+(?=\d)/, '')}.${fraction.replace(/0+$/, '')}`;
	};
	return canonical(left) === canonical(right);
}

/** Whether the existing order is the one this request asked for (a replay, not a clash). */
function matchesRequest(order: IDataObject, body: IDataObject): boolean {
	const wanted = (body.request ?? {}) as IDataObject;
	const found = (order.request ?? {}) as IDataObject;
	return (
		sameAmount(order.amount, body.amount) &&
		sameText(order.currency, body.currency) &&
		sameText(found.id_number, wanted.id_number)
	);
}

/**
 * Looks up what a create may already have made: for an order, one with this orderID and the
 * same amount, currency and customer (another with this orderID is a clash, an error); for a
 * user, the user with this cédula. Undefined when Momento proves it has none.
 */
export async function findCreated(
	context: RequestContext,
	session: MomentoSession,
	request: MomentoRequest,
	itemIndex: number,
	refusal?: unknown,
): Promise<IDataObject | undefined> {
	const replay = request.replay;
	if (replay === undefined) return undefined;
	if (replay.kind === 'user') {
		const user = await callMomento(
			context,
			session,
			{ method: 'GET', path: `/users/${encodeURIComponent(replay.idNumber)}/` },
			{ itemIndex, accept: [404] },
		);
		return user.statusCode === 404 ? undefined : (user.body as IDataObject);
	}
	const matches = (order: IDataObject) => matchesRequest(order, request.body ?? {});
	const orders = await ordersWithId(
		context,
		session,
		replay.kind,
		replay.orderID,
		itemIndex,
		matches,
	);
	const same = orders.find(matches);
	if (same || orders.length === 0) return same;
	throw conflict(
		context,
		refusal ?? { orderID: replay.orderID },
		itemIndex,
		`Momento already has a ${replay.kind} order with orderID ${replay.orderID} for a different amount, currency or customer`,
	);
}

/**
 * Sends a create once. The document promises no deduplication of a repeated orderID, so after
 * no answer or a 5xx the order is looked up by its orderID and sent again only when Momento
 * proves it has none (`reconciled: true` when the lookup found it). Where Momento does refuse a
 * repeat (409, as for a cédula), the existing record is read back: the same request returns it
 * with `replayed: true`, a different one is an error.
 */
export async function createOnce(
	context: RequestContext,
	session: MomentoSession,
	request: MomentoRequest,
	itemIndex: number,
): Promise<IDataObject> {
	const sent = await sendOnceOrFind<IDataObject>({
		send: async () => {
			const response = await callMomento(
				context,
				session,
				{ method: 'POST', path: request.path, body: request.body },
				{ itemIndex, accept: [409], sendOnce: true },
			);
			if (response.statusCode !== 409) {
				return { ...(response.body as IDataObject), replayed: false, reconciled: false };
			}
			const existing = await findCreated(context, session, request, itemIndex, response.body);
			if (!existing) {
				throw conflict(context, response.body, itemIndex, 'Momento refused a duplicate');
			}
			return { ...existing, replayed: true, reconciled: false };
		},
		lookup: async () => await findCreated(context, session, request, itemIndex),
	});
	return sent.foundByLookup ? { ...sent.result, replayed: true, reconciled: true } : sent.result;
}

function conflict(
	context: RequestContext,
	body: unknown,
	itemIndex: number,
	message: string,
): NodeApiError {
	return new NodeApiError(context.getNode(), (body ?? {}) as JsonObject, {
		message,
		description:
			'Use a new Order ID for a new order, or leave Order ID empty to derive one from the order itself.',
		httpCode: '409',
		itemIndex,
	});
}
