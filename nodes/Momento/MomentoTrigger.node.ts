import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { maskCallbackTokens, refuseCallback, refusedCallbacks } from '../shared/callback-token';
import { isNewDelivery } from '../shared/recent-deliveries';
import type { OrderKind } from './actions/types';
import { openMomentoSession, PROVIDER } from './transport';
import { findOrder } from './transport/orders';
import {
	checkActivation,
	EVENT_KINDS,
	isDuplicate,
	readStatusCallback,
	remember,
	tokenRefusal,
} from './trigger/callback';

function answer(
	context: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

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
				await checkActivation(this);
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
		// The token first: without it nothing else happens (no Momento call, no run).
		const confirm = this.getNodeParameter('confirm', true) === true;
		const own = String(this.getNodeParameter('token', '') ?? '');
		if (this.getNodeParameter('requireToken', true) !== false || !confirm || own !== '') {
			const refusal = await tokenRefusal(this);
			if (refusal) return refuseCallback(this, PROVIDER, refusal);
		}
		const callback = readStatusCallback(this.getBodyData());
		if (!callback) {
			return answer(this, 400, { error: 'INVALID_CALLBACK', message: 'The body has no orderID' });
		}
		const events = this.getNodeParameter('events', []) as string[];
		const subscribed = events.map((event) => EVENT_KINDS[event]).filter(Boolean);
		const kinds: OrderKind[] = callback.kind ? [callback.kind] : subscribed;
		if (!kinds.some((kind) => subscribed.includes(kind))) {
			return answer(this, 200, {
				received: true,
				ignored: `${callback.kind} events are not selected`,
			});
		}

		let kind: OrderKind | undefined;
		let order: IDataObject | undefined;
		if (confirm) {
			try {
				const session = await openMomentoSession(this);
				for (const candidate of kinds) {
					order = await findOrder(this, session, candidate, callback.orderID);
					if (order) {
						kind = candidate;
						break;
					}
				}
			} catch (error) {
				// Not confirmed, so nothing starts; a 5xx makes Momento deliver the callback again.
				return answer(this, 503, {
					error: 'CONFIRMATION_FAILED',
					message: `Could not confirm the order with Momento: ${(error as Error).message}`,
				});
			}
			if (!order || !kind) {
				return answer(this, 404, { error: 'UNKNOWN_ORDER', message: 'No such order at Momento' });
			}
		} else if (kinds.length === 1) {
			kind = kinds[0];
			order = this.getBodyData();
		} else {
			return answer(this, 400, {
				error: 'INVALID_CALLBACK',
				message: 'The callback has no type (deposit or withdrawal); select one event',
			});
		}

		// Confirmed: only Momento's own answer counts, never what the caller claimed.
		const status = confirm
			? String(order.status ?? '')
			: String(order.status ?? callback.status ?? '');
		const seen = this.getWorkflowStaticData('node');
		seen.lastStatus ??= {};
		const key = `${kind}:${callback.orderID}`;
		const lastStatus = seen.lastStatus as IDataObject;
		const fresh = isNewDelivery(this, key, status, () => {
			const newStatus = !isDuplicate(lastStatus, key, status);
			remember(lastStatus, key, status);
			return newStatus;
		});
		if (!fresh) {
			return answer(this, 200, { received: true, duplicate: true });
		}
		const json: IDataObject = {
			event: `${kind}.status_changed`,
			kind,
			orderID: callback.orderID,
			status,
			confirmed: confirm,
			order: maskCallbackTokens(order),
			...(confirm ? {} : { callback: maskCallbackTokens(this.getBodyData()) }),
			rejectedCallbacks: refusedCallbacks(this),
		};
		// Answered here rather than by n8n: n8n saves the workflow's static data (the status just
		// remembered) when the webhook's answer is handed over. For an answer n8n sends itself, that
		// happens after the run was started, and starting it resets the "changed" mark of static
		// data loaded from the database (activation stored the callback URL there), so the status
		// would be lost and a repeated callback would start the workflow a second time.
		answer(this, 200, { received: true });
		return { noWebhookResponse: true, workflowData: [[{ json }]] };
	}
}
