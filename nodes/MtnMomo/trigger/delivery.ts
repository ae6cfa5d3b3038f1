import { NodeApiError, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';

import { refuseCallback, refusedCallbacks } from '../../shared/webhooks/callback-token';
import { isUuid } from '../../shared/description/field-validation';
import {
	answerDelivery,
	DeliveryAnswer,
	type DeliveryFlow,
} from '../../shared/webhooks/webhook-delivery';
import { statusPath } from '../actions/send-payment';
import { callMomo, openMomoSession, PROVIDER } from '../transport';
import { isFinalStatus, presentPayment } from '../transport/payment-view';
import type { MomoProduct } from '../constants';
import { callbackAddress, firstText, fixedProduct, rememberOnce, tokenRefusal } from './callback';

/** A callback whose token checked out, with the payment as MoMo (or, unconfirmed, the body) says. */
interface MomoCallback {
	product: MomoProduct;
	referenceId: string;
	view: IDataObject;
}

const answer = (status: number, message: string) => answerDelivery(status, { message });

async function confirmedBody(
	context: IWebhookFunctions,
	product: MomoProduct,
	referenceId: string,
): Promise<IDataObject | DeliveryAnswer> {
	try {
		const session = await openMomoSession(context);
		const confirmed = await callMomo(context, session, {
			method: 'GET',
			path: statusPath(product, referenceId),
			product,
			idempotent: true,
			accept: [404],
		});
		if (confirmed.statusCode === 404) {
			return answer(404, `MoMo knows no ${product} payment with reference ${referenceId}`);
		}
		return confirmed.body;
	} catch (error) {
		const reason = error instanceof NodeApiError ? error.message : 'the status read failed';
		return answer(503, `Could not confirm the status with MoMo: ${reason}`);
	}
}

/** MTN MoMo's callbacks: token → reference → status confirmed with MoMo → once per status. */
export function momoCallbackFlow(context: IWebhookFunctions): DeliveryFlow<MomoCallback> {
	const confirm = context.getNodeParameter('confirmStatus', true) === true;
	const requireToken = context.getNodeParameter('requireToken', true) !== false;
	const request = context.getRequestObject();
	const body = (context.getBodyData() ?? {}) as IDataObject;
	return {
		async verify() {
			const product = fixedProduct(context.getNodeParameter('product', 'collection'));
			if (!product) return answer(500, 'This trigger has no product chosen; nothing started');
			const address = callbackAddress(context);
			// The token first: without it nothing else happens (no MoMo call, no run).
			if (requireToken || !confirm) {
				const refusal = await tokenRefusal(context, product, address);
				if (refusal) return refuseCallback(context, PROVIDER, refusal);
			}
			const referenceId = (
				requireToken
					? address.referenceId
					: firstText(address.referenceId, body.referenceId, request.headers?.['x-reference-id'])
			)?.toLowerCase();
			if (!referenceId || !isUuid(referenceId)) {
				return answer(400, 'The callback names no referenceId (a UUID) in its URL or body');
			}
			const source = confirm ? await confirmedBody(context, product, referenceId) : body;
			if (source instanceof DeliveryAnswer) return source;
			const view = presentPayment(product, referenceId, source);
			const emitAll = context.getNodeParameter('emit', 'final') === 'all';
			if (!emitAll && !isFinalStatus(view.status)) {
				return answer(202, `Status ${String(view.status)} is not final yet; nothing started`);
			}
			return { product, referenceId, view };
		},
		remember: ({ product, referenceId, view }) => {
			const key = `${product}:${referenceId}:${String(view.status)}`;
			return { key, record: () => rememberOnce(context.getWorkflowStaticData('node'), key) };
		},
		repeated: { message: 'Already received; nothing started' },
		// Confirmed: only what MoMo answered. Unconfirmed: the (token-checked) body, marked as such.
		emit: ({ view }) => [
			{
				...view,
				confirmed: confirm,
				...(confirm ? {} : { callback: { method: request.method, body } }),
				rejectedCallbacks: refusedCallbacks(context),
			},
		],
		received: { message: 'Received' },
	};
}
