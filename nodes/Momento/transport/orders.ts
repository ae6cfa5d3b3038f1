import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import type { MomentoRequest, OrderKind } from '../actions/types';
import { callMomento, listMomento, type MomentoSession } from './index';
import type { RequestContext } from '../../shared/http';

export const ORDER_PATHS: Record<OrderKind, string> = {
	deposit: '/deposit_orders/',
	withdrawal: '/withdrawal_orders/',
};

/** Reads one order by its orderID through the list endpoint's orderID filter (assumed). */
export async function findOrder(
	context: RequestContext,
	session: MomentoSession,
	kind: OrderKind,
	orderID: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const orders = await listMomento(
		context,
		session,
		{ method: 'GET', path: ORDER_PATHS[kind], qs: { orderID } },
		1,
		itemIndex,
	);
	return orders.find((order) => order.orderID === orderID);
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
 * Sends a create; when Momento answers 409 because the orderID (or cédula) exists, reads the
 * existing record back: the same request replayed returns the first result with
 * `replayed: true`, a different one is an error. A retried item never creates a second order.
 */
export async function createOnce(
	context: RequestContext,
	session: MomentoSession,
	request: MomentoRequest,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await callMomento(
		context,
		session,
		{ method: 'POST', path: request.path, body: request.body },
		{ itemIndex, accept: [409] },
	);
	if (response.statusCode !== 409) return { ...(response.body as IDataObject), replayed: false };
	const replay = request.replay;
	if (replay === undefined)
		throw conflict(context, response.body, itemIndex, 'Momento refused a duplicate');
	if (replay.kind === 'user') {
		const user = await callMomento(
			context,
			session,
			{ method: 'GET', path: `/users/${encodeURIComponent(replay.idNumber)}/` },
			{ itemIndex },
		);
		return { ...(user.body as IDataObject), replayed: true };
	}
	const existing = await findOrder(context, session, replay.kind, replay.orderID, itemIndex);
	if (existing && matchesRequest(existing, request.body ?? {})) {
		return { ...existing, replayed: true };
	}
	throw conflict(
		context,
		response.body,
		itemIndex,
		`Momento already has a ${replay.kind} order with orderID ${replay.orderID} for a different amount, currency or customer`,
	);
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
			'Use a new Order ID for a new order, or leave Order ID empty to derive one per execution and item.',
		httpCode: '409',
		itemIndex,
	});
}
