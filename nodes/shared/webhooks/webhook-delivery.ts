/**
 * One webhook delivery, the same way in every webhook trigger (Momento, MTN MoMo, Monerium):
 * verify → remember → answer → emit. A trigger supplies what is its provider's own (how a delivery
 * is authenticated and confirmed, what identifies a repeat, which items it emits); this module owns
 * the order of the steps and every answer the provider gets.
 */

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isNewDelivery } from './recent-deliveries';

/** An answer that ends a delivery without starting the workflow. */
export class DeliveryAnswer {
	constructor(
		readonly status: number,
		readonly body: IDataObject,
	) {}
}

export function answerDelivery(status: number, body: IDataObject): DeliveryAnswer {
	return new DeliveryAnswer(status, body);
}

/** What identifies a repeat of a delivery, and its record in the workflow's static data. */
export interface DeliveryMemory {
	key: string;
	/** For "same state as the last one emitted" checks; constant ('') for "same delivery id". */
	value?: string;
	/** Records the delivery in static data; true when it was not there yet. */
	record(): boolean;
}

export interface DeliveryFlow<Delivery> {
	/** Authenticates (and where the trigger does, confirms) the delivery, or answers it. */
	verify(): Promise<Delivery | DeliveryAnswer>;
	remember(delivery: Delivery): DeliveryMemory;
	/** The answer to a repeat: nothing starts. */
	repeated: IDataObject;
	/** The items to start the workflow with, or the answer when this delivery starts nothing. */
	emit(delivery: Delivery): IDataObject[] | DeliveryAnswer;
	/** The answer to a delivery that starts the workflow. */
	received: IDataObject;
}

function send(context: IWebhookFunctions, answer: DeliveryAnswer): IWebhookResponseData {
	context.getResponseObject().status(answer.status).json(answer.body);
	return { noWebhookResponse: true };
}

/** Runs one delivery through the flow and answers the provider. */
export async function receiveDelivery<Delivery>(
	context: IWebhookFunctions,
	flow: DeliveryFlow<Delivery>,
): Promise<IWebhookResponseData> {
	const delivery = await flow.verify();
	if (delivery instanceof DeliveryAnswer) return send(context, delivery);
	const memory = flow.remember(delivery);
	if (!isNewDelivery(context, memory.key, memory.value ?? '', memory.record)) {
		return send(context, answerDelivery(200, flow.repeated));
	}
	const items = flow.emit(delivery);
	if (items instanceof DeliveryAnswer) return send(context, items);
	// Answered here rather than by n8n: n8n saves the workflow's static data (the delivery just
	// remembered) when the webhook's answer is handed over. For an answer n8n sends itself, that
	// happens after the run was started, and starting it resets the "changed" mark of static data
	// loaded from the database (activation stored data there), so the record would be lost and a
	// repeated delivery would start the workflow a second time (seen in a real n8n 2.41).
	send(context, answerDelivery(200, flow.received));
	return { noWebhookResponse: true, workflowData: [context.helpers.returnJsonArray(items)] };
}
