import {
	NodeApiError,
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { isUuid } from '../shared/deterministic-uuid';
import { isNewDelivery } from '../shared/recent-deliveries';
import { statusPath } from './actions/payment.send';
import { refuseCallback, refusedCallbacks } from '../shared/callback-token';
import { callMomo, openMomoSession, PROVIDER } from './transport';
import { isFinalStatus, presentPayment } from './transport/payment-view';
import {
	checkActivation,
	firstText,
	fixedProduct,
	rememberOnce,
	tokenRefusal,
} from './trigger/callback';

export class MtnMomoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MTN MoMo Trigger',
		name: 'mtnMomoTrigger',
		icon: { light: 'file:../../icons/mtnMomo.svg', dark: 'file:../../icons/mtnMomo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["confirmStatus"] ? "confirmed callbacks" : "raw callbacks" }}',
		description:
			'Starts the workflow when MTN MoMo reports the outcome of a request to pay or transfer',
		defaults: { name: 'MTN MoMo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mtnMomoApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'PUT', responseMode: 'onReceived', path: 'callback' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'callback' },
		],
		properties: [
			{
				displayName:
					"Use this node's Production URL as the callback URL: in the MTN MoMo node (Callback URL) or as the credential's Default Callback URL. Its host must be your API user's providerCallbackHost. The MTN MoMo node adds the payment's reference and a secret token (derived from the credential's API key) to the URL; use the same credential here.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Confirm Status With MoMo',
				name: 'confirmStatus',
				type: 'boolean',
				default: true,
				description:
					'Whether to read the status from the MoMo API before starting the workflow. MoMo callbacks are not signed, so anyone who knows the URL could send one; confirming makes the workflow see only what MoMo really holds.',
			},
			{
				displayName: 'Require Callback Token',
				name: 'requireToken',
				type: 'boolean',
				default: true,
				description:
					'Whether to refuse (401, nothing sent to MoMo, nothing started) any request whose URL lacks the token the MTN MoMo node adds. Turn off only for payments requested without this package, and only with Confirm Status on.',
			},
			{
				displayName: 'Product',
				name: 'product',
				type: 'options',
				default: 'collection',
				description:
					'The product whose payments this trigger reports. Use one trigger per product.',
				options: [
					{ name: 'Collection (Request to Pay)', value: 'collection' },
					{ name: 'Disbursement (Transfer)', value: 'disbursement' },
				],
			},
			{
				displayName: 'Emit',
				name: 'emit',
				type: 'options',
				default: 'final',
				options: [
					{
						name: 'Final Statuses Only',
						value: 'final',
						description: 'SUCCESSFUL or FAILED',
					},
					{ name: 'Every Status', value: 'all', description: 'Also PENDING' },
				],
			},
		],
	};

	// MoMo has no API to register callbacks: the URL travels with every request instead.
	// Activation only checks that forged callbacks cannot start the workflow.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await checkActivation(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const query = (request.query ?? {}) as IDataObject;
		const answer = (statusCode: number, message: string): IWebhookResponseData => {
			response.status(statusCode).json({ message });
			return { noWebhookResponse: true };
		};
		const product = fixedProduct(this.getNodeParameter('product', 'collection'));
		if (!product) return answer(500, 'This trigger has no product chosen; nothing started');
		const confirm = this.getNodeParameter('confirmStatus', true) === true;
		const requireToken = this.getNodeParameter('requireToken', true) !== false;

		// The token first: without it nothing else happens (no MoMo call, no run).
		if (requireToken || !confirm) {
			const refusal = await tokenRefusal(this, product, query);
			if (refusal) return refuseCallback(this, PROVIDER, refusal);
		}
		const body = (this.getBodyData() ?? {}) as IDataObject;
		const referenceId = (
			requireToken
				? firstText(query.referenceId)
				: firstText(query.referenceId, body.referenceId, request.headers?.['x-reference-id'])
		)?.toLowerCase();
		if (!referenceId || !isUuid(referenceId)) {
			return answer(400, 'The callback names no referenceId (a UUID) in its URL or body');
		}

		let source = body;
		if (confirm) {
			try {
				const session = await openMomoSession(this);
				const confirmed = await callMomo(this, session, {
					method: 'GET',
					path: statusPath(product, referenceId),
					product,
					idempotent: true,
					accept: [404],
				});
				if (confirmed.statusCode === 404) {
					return answer(404, `MoMo knows no ${product} payment with reference ${referenceId}`);
				}
				source = confirmed.body;
			} catch (error) {
				const reason = error instanceof NodeApiError ? error.message : 'the status read failed';
				return answer(503, `Could not confirm the status with MoMo: ${reason}`);
			}
		}
		const view = presentPayment(product, referenceId, source);
		const emitAll = this.getNodeParameter('emit', 'final') === 'all';
		if (!emitAll && !isFinalStatus(view.status)) {
			return answer(202, `Status ${String(view.status)} is not final yet; nothing started`);
		}
		const callbackKey = `${product}:${referenceId}:${String(view.status)}`;
		const fresh = isNewDelivery(this, callbackKey, '', () =>
			rememberOnce(this.getWorkflowStaticData('node'), callbackKey),
		);
		if (!fresh) {
			return answer(200, 'Already received; nothing started');
		}
		// Confirmed: only what MoMo answered. Unconfirmed: the (token-checked) body, marked as such.
		const json: IDataObject = {
			...view,
			confirmed: confirm,
			...(confirm ? {} : { callback: { method: request.method, body } }),
			rejectedCallbacks: refusedCallbacks(this),
		};
		// Answered here rather than by n8n: n8n saves the workflow's static data (the status just
		// remembered) when the webhook's answer is handed over, and for an answer n8n sends itself
		// that happens after the run started, which drops the change; a repeated callback would
		// then start the workflow a second time (seen in a real n8n 2.41 with Monerium and Momento).
		response.status(200).json({ message: 'Received' });
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([json])] };
	}
}
