import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { receiveDelivery } from '../shared/webhooks/webhook-delivery';
import { openMomentoSession } from './transport';
import { checkCallbackActivation } from '../shared/webhooks/callback-token';
import { MOMENTO_CALLBACKS } from './trigger/callback';
import { momentoCallbackFlow } from './trigger/delivery';

export class MomentoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Momento Trigger',
		name: 'momentoTrigger',
		icon: { light: 'file:../../icons/momento.svg', dark: 'file:../../icons/momento.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when Momento reports a deposit or withdrawal status change',
		defaults: { name: 'Momento Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'momentoApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'momento' },
		],
		properties: [
			{
				displayName:
					"Momento calls the URL an order was created with (callback_url). Put this trigger's Production URL in the Momento node's Options > Callback URL, or in the credential's Default Callback URL. The Momento node adds a secret token for each order (derived from the credential's Secret Key), so use the same credential here.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['depositStatusChanged', 'withdrawalStatusChanged'],
				options: [
					{ name: 'Deposit Status Changed', value: 'depositStatusChanged' },
					{ name: 'Withdrawal Status Changed', value: 'withdrawalStatusChanged' },
				],
			},
			{
				displayName: 'Confirm with the API',
				name: 'confirm',
				type: 'boolean',
				default: true,
				description:
					'Whether to re-read the order from Momento before starting the workflow. Callbacks are not signed, so this is what proves a callback is genuine; a callback for an order Momento does not have is answered 404.',
			},
			{
				displayName: 'Require Callback Token',
				name: 'requireToken',
				type: 'boolean',
				default: true,
				description:
					'Whether to refuse (401, nothing sent to Momento, nothing started) any request whose URL lacks the token the Momento node adds, or the Secret Token below. Turn off only for orders created without this package, and only with Confirm on.',
			},
			{
				displayName: 'Secret Token',
				name: 'token',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Only for callback URLs you build yourself: a URL carrying ?token= followed by this value is accepted too. It is kept in the workflow, so prefer the token the Momento node adds.',
			},
		],
	};

	webhookMethods = {
		default: {
			// Momento has no webhook registration: the URL travels with each order as callback_url.
			// Activation checks the credential and records the URL the orders must use.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await checkCallbackActivation(this, MOMENTO_CALLBACKS);
				const data = this.getWorkflowStaticData('node');
				return data.callbackUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await openMomentoSession(this);
				const data = this.getWorkflowStaticData('node');
				data.callbackUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				delete data.callbackUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this, momentoCallbackFlow(this));
	}
}
