import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { isValidWebhookSecret, verifyWebhook } from '../standard-webhooks';
import { answerDelivery, type DeliveryFlow } from '../../shared/webhooks/webhook-delivery';
import { SUBSCRIPTION_CREATED } from '../events';
import { rememberDelivery } from './delivered-ids';

/** What the trigger keeps in the workflow's static data. */
export interface SubscriptionState extends IDataObject {
	secret?: string;
	subscribedUrl?: string;
	subscribedTypes?: string[];
	/** webhook-id -> unix seconds first seen: Monerium retries a delivery up to 10 times in 12 hours. */
	seen?: Record<string, number>;
}

/** A notification whose signature checked out. */
interface VerifiedNotification {
	webhookId: string;
	body: IDataObject;
}

export function chosenEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	return context.getNodeParameter('events', []) as string[];
}

const answer = (status: number, message: string) => answerDelivery(status, { message });

/** Monerium's notifications (Standard Webhooks): signature → once per webhook-id → chosen events. */
export function moneriumNotificationFlow(
	context: IWebhookFunctions,
): DeliveryFlow<VerifiedNotification> {
	const state = context.getWorkflowStaticData('node') as SubscriptionState;
	return {
		async verify() {
			const request = context.getRequestObject();
			if (!request.rawBody && typeof request.readRawBody === 'function') {
				await request.readRawBody();
			}
			const rawBody = request.rawBody;
			const body = (request.body ?? {}) as IDataObject;
			if (!Buffer.isBuffer(rawBody)) {
				return answer(401, 'The raw request body is not available to verify');
			}
			if (!isValidWebhookSecret(state.secret ?? '')) {
				// While activation runs the secret may not be saved yet; the check call carries no data.
				if (body.type === SUBSCRIPTION_CREATED) return answer(200, 'ok');
				return answer(401, 'No webhook secret: activate the workflow again');
			}
			const verification = verifyWebhook({
				secret: state.secret as string,
				headers: context.getHeaderData() as Record<string, string>,
				rawBody,
			});
			if (!verification.ok) return answer(401, `Webhook rejected: ${verification.reason}`);
			return { webhookId: verification.id, body };
		},
		remember: ({ webhookId }) => {
			const seen = (state.seen ??= {});
			const record = () => rememberDelivery(seen, webhookId, Math.floor(Date.now() / 1000));
			return { key: webhookId, record };
		},
		repeated: { message: 'Already received' },
		emit: ({ webhookId, body }) => {
			const options = context.getNodeParameter('options', {}) as IDataObject;
			if (body.type === SUBSCRIPTION_CREATED && options.emitSubscriptionCreated !== true) {
				return answer(200, 'ok');
			}
			if (
				body.type !== SUBSCRIPTION_CREATED &&
				!chosenEvents(context).includes(String(body.type))
			) {
				return answer(200, 'Event not selected');
			}
			const data = (body.data ?? {}) as IDataObject;
			return [{ webhookId, type: body.type, timestamp: body.timestamp, data }];
		},
		received: { message: 'Received' },
	};
}
