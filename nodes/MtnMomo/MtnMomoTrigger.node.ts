import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { receiveDelivery } from '../shared/webhooks/webhook-delivery';
import { CALLBACK_PATH, CALLBACK_PATH_WITH_REFERENCE, checkActivation } from './trigger/callback';
import { momoCallbackFlow } from './trigger/delivery';

/** Callbacks arrive by PUT or POST (MTN uses either), at either form of the callback URL. */
const CALLBACK_WEBHOOKS = (['PUT', 'POST'] as const).flatMap((httpMethod) => [
	{ name: 'default' as const, httpMethod, responseMode: 'onReceived', path: CALLBACK_PATH },
	{
		name: 'default' as const,
		httpMethod,
		responseMode: 'onReceived',
		path: CALLBACK_PATH_WITH_REFERENCE,
		isFullPath: true,
		ndvHideUrl: true,
	},
]);

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
		webhooks: CALLBACK_WEBHOOKS,
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
		return await receiveDelivery(this, momoCallbackFlow(this));
	}
}
