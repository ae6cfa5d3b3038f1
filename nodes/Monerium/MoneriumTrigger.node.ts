import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { generateWebhookSecret, isValidWebhookSecret } from './standard-webhooks';
import { receiveDelivery } from '../shared/webhooks/webhook-delivery';
import { MONERIUM_EVENTS } from './events';
import { callMonerium, openMoneriumSession } from './transport';
import { chosenEvents, moneriumNotificationFlow, type SubscriptionState } from './trigger/delivery';

function sameTypes(a: string[] | undefined, b: string[]): boolean {
	return !!a && a.length === b.length && [...a].sort().join() === [...b].sort().join();
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
		return await receiveDelivery(this, moneriumNotificationFlow(this));
	}
}
