import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	maskCallbackTokens,
	refuseCallback,
	refusedCallbacks,
} from '../../shared/webhooks/callback-token';
import {
	answerDelivery,
	DeliveryAnswer,
	type DeliveryFlow,
} from '../../shared/webhooks/webhook-delivery';
import type { OrderKind } from '../actions/types';
import { openMomentoSession, PROVIDER } from '../transport';
import { findOrder } from '../transport/orders';
import {
	EVENT_KINDS,
	isDuplicate,
	readStatusCallback,
	remember,
	tokenRefusal,
	type StatusCallback,
} from './callback';

/** A callback whose token checked out, with the order as Momento (or, unconfirmed, the body) says. */
interface MomentoCallback {
	callback: StatusCallback;
	kind: OrderKind;
	order: IDataObject;
	status: string;
}

const invalid = (message: string) => answerDelivery(400, { error: 'INVALID_CALLBACK', message });

/** The first of `kinds` Momento has an order of that ID for, re-read from Momento. */
async function confirmedOrder(
	context: IWebhookFunctions,
	kinds: OrderKind[],
	orderID: string,
): Promise<{ kind: OrderKind; order: IDataObject } | DeliveryAnswer> {
	try {
		const session = await openMomentoSession(context);
		for (const kind of kinds) {
			const order = await findOrder(context, session, kind, orderID);
			if (order) return { kind, order };
		}
	} catch (error) {
		// Not confirmed, so nothing starts; a 5xx makes Momento deliver the callback again.
		return answerDelivery(503, {
			error: 'CONFIRMATION_FAILED',
			message: `Could not confirm the order with Momento: ${(error as Error).message}`,
		});
	}
	return answerDelivery(404, { error: 'UNKNOWN_ORDER', message: 'No such order at Momento' });
}

/** Momento's status callbacks: token → selected event → order confirmed → once per status. */
export function momentoCallbackFlow(context: IWebhookFunctions): DeliveryFlow<MomentoCallback> {
	const confirm = context.getNodeParameter('confirm', true) === true;
	return {
		async verify() {
			// The token first: without it nothing else happens (no Momento call, no run).
			const own = String(context.getNodeParameter('token', '') ?? '');
			if (context.getNodeParameter('requireToken', true) !== false || !confirm || own !== '') {
				const refusal = await tokenRefusal(context);
				if (refusal) return refuseCallback(context, PROVIDER, refusal);
			}
			const callback = readStatusCallback(context.getBodyData());
			if (!callback) return invalid('The body has no orderID');
			const events = context.getNodeParameter('events', []) as string[];
			const subscribed = events.map((event) => EVENT_KINDS[event]).filter(Boolean);
			const kinds: OrderKind[] = callback.kind ? [callback.kind] : subscribed;
			if (!kinds.some((kind) => subscribed.includes(kind))) {
				return answerDelivery(200, {
					received: true,
					ignored: `${callback.kind} events are not selected`,
				});
			}
			if (confirm) {
				const found = await confirmedOrder(context, kinds, callback.orderID);
				if (found instanceof DeliveryAnswer) return found;
				// Confirmed: only Momento's own answer counts, never what the caller claimed.
				return { callback, ...found, status: String(found.order.status ?? '') };
			}
			if (kinds.length !== 1) {
				return invalid('The callback has no type (deposit or withdrawal); select one event');
			}
			const order = context.getBodyData();
			const status = String(order.status ?? callback.status ?? '');
			return { callback, kind: kinds[0], order, status };
		},
		remember: ({ callback, kind, status }) => {
			const key = `${kind}:${callback.orderID}`;
			const seen = context.getWorkflowStaticData('node');
			seen.lastStatus ??= {};
			const lastStatus = seen.lastStatus as IDataObject;
			const record = () => {
				const newStatus = !isDuplicate(lastStatus, key, status);
				remember(lastStatus, key, status);
				return newStatus;
			};
			return { key, value: status, record };
		},
		repeated: { received: true, duplicate: true },
		emit: ({ callback, kind, order, status }) => [
			{
				event: `${kind}.status_changed`,
				kind,
				orderID: callback.orderID,
				status,
				confirmed: confirm,
				order: maskCallbackTokens(order),
				...(confirm ? {} : { callback: maskCallbackTokens(context.getBodyData()) }),
				rejectedCallbacks: refusedCallbacks(context),
			},
		],
		received: { received: true },
	};
}
