import {
	NodeApiError,
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type JsonObject,
} from 'n8n-workflow';

import {
	generateWebhookSecret,
	isValidWebhookSecret,
	rememberDelivery,
	verifyWebhook,
} from '../shared/standard-webhooks';
import { isNewDelivery } from '../shared/recent-deliveries';
import { MONERIUM_EVENTS, SUBSCRIPTION_CREATED } from './events';
import { callMonerium, openMoneriumSession } from './transport';

/** What the trigger keeps in the workflow's static data. */
interface SubscriptionState extends IDataObject {
	secret?: string;
	subscribedUrl?: string;
	subscribedTypes?: string[];
	/** webhook-id -> unix seconds first seen: Monerium retries a delivery up to 10 times in 12 hours. */
	seen?: Record<string, number>;
}

function sameTypes(a: string[] | undefined, b: string[]): boolean {
	return !!a && a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function chosenEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	return context.getNodeParameter('events', []) as string[];
}

export class MoneriumTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Monerium Trigger',
		name: 'moneriumTrigger',
		icon: { light: 'file:../../icons/monerium.svg', dark: 'file:../../icons/monerium.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow on verified Monerium notifications (profile and IBAN updates)',
		defaults: { name: 'Monerium Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'moneriumOAuth2Api', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"Activating creates a webhook subscription at Monerium. Deactivating or deleting this workflow does NOT remove it: Monerium's API has no way to delete a subscription, so Monerium keeps sending events to this URL (n8n answers them 404 and Monerium retries until it gives up). Ask Monerium to remove it if you stop using this trigger.",
				name: 'subscriptionNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: MONERIUM_EVENTS.map((event) => ({ ...event })),
				default: ['profile.updated', 'iban.updated'],
				required: true,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Subscription Check',
						name: 'emitSubscriptionCreated',
						type: 'boolean',
						default: false,
						description:
							'Whether to also start the workflow for the subscription.created check Monerium sends when the subscription is made',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/** The document shows no way to list subscriptions: the static data records ours. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				return (
					isValidWebhookSecret(state.secret ?? '') &&
					state.subscribedUrl === this.getNodeWebhookUrl('default') &&
					sameTypes(state.subscribedTypes, chosenEvents(this))
				);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				const url = this.getNodeWebhookUrl('default') as string;
				const types = chosenEvents(this);
				// Re-activation keeps the secret: an earlier subscription may still deliver with it.
				if (!isValidWebhookSecret(state.secret ?? '')) state.secret = generateWebhookSecret(32);
				const session = await openMoneriumSession(this);
				await callMonerium(this, session, {
					method: 'POST',
					path: '/webhooks',
					body: { url, secret: state.secret, types },
				});
				state.subscribedUrl = url;
				state.subscribedTypes = types;
				return true;
			},

			/**
			 * The document shows no delete endpoint, so the subscription stays at Monerium; deliveries
			 * to an inactive workflow get a 404 and Monerium gives up after its retries. The secret and
			 * the record stay, so re-activation with the same URL and events re-uses them.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const state = this.getWorkflowStaticData('node') as SubscriptionState;
		const reject = (status: number, message: string): IWebhookResponseData => {
			response.status(status).json({ message });
			return { noWebhookResponse: true };
		};

		if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
		const rawBody = request.rawBody;
		const body = (request.body ?? {}) as IDataObject;
		if (!Buffer.isBuffer(rawBody))
			return reject(401, 'The raw request body is not available to verify');
		if (!isValidWebhookSecret(state.secret ?? '')) {
			// While activation runs the secret may not be saved yet; the check call carries no data.
			if (body.type === SUBSCRIPTION_CREATED) return reject(200, 'ok');
			return reject(401, 'No webhook secret: activate the workflow again');
		}
		const verification = verifyWebhook({
			secret: state.secret as string,
			headers: this.getHeaderData() as Record<string, string>,
			rawBody,
		});
		if (!verification.ok) return reject(401, `Webhook rejected: ${verification.reason}`);

		const seen = (state.seen ??= {});
		const fresh = isNewDelivery(this, verification.id, '', () =>
			rememberDelivery(seen, verification.id, Math.floor(Date.now() / 1000)),
		);
		if (!fresh) return reject(200, 'Already received');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (body.type === SUBSCRIPTION_CREATED && options.emitSubscriptionCreated !== true) {
			return reject(200, 'ok');
		}
		if (body.type !== SUBSCRIPTION_CREATED && !chosenEvents(this).includes(String(body.type))) {
			return reject(200, 'Event not selected');
		}
		if (typeof body.type !== 'string') {
			throw new NodeApiError(this.getNode(), body as JsonObject, {
				message: 'The notification has no type',
			});
		}
		// Answered here rather than by n8n: n8n saves the workflow's static data (the webhook-id just
		// remembered) when the webhook's answer is handed over. For an answer n8n sends itself, that
		// happens after the run was started, and starting it resets the "changed" mark of static
		// data loaded from the database (the secret is there), so the id would be lost and
		// Monerium's retry would start the workflow a second time.
		response.status(200).json({ message: 'Received' });
		return {
			noWebhookResponse: true,
			workflowData: [
				[
					{
						json: {
							webhookId: verification.id,
							type: body.type,
							timestamp: body.timestamp,
							data: (body.data ?? {}) as IDataObject,
						},
					},
				],
			],
		};
	}
}
