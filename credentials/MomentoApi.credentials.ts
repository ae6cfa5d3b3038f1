import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	applyBodySignature,
	MOMENTO_BASE_URLS,
	MOMENTO_SIGNATURE_HEADER,
} from '../nodes/Momento/constants';

export class MomentoApi implements ICredentialType {
	name = 'momentoApi';

	displayName = 'Momento Business API';

	icon: Icon = {
		light: 'file:../icons/momento.svg',
		dark: 'file:../icons/momento.dark.svg',
	};

	documentationUrl = 'https://github.com/payments-pack/n8n-nodes-payments-pack#momento';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret key El Momento gave you. It never leaves n8n: every request carries only its HMAC-SHA512 signature (M-Signature header).',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'sandbox',
			options: [
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: MOMENTO_BASE_URLS.sandbox,
				},
				{
					name: 'Production',
					value: 'production',
					description: MOMENTO_BASE_URLS.production,
				},
				{ name: 'Custom URL', value: 'custom' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://pruebas.elmomento.io/api/integrations',
			description:
				'API root the paths such as /deposit_orders/ are added to (for example the /api/integrations form of the curl example)',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Default Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/momento?token=...',
			description:
				'Production URL of your Momento Trigger. Deposit and withdrawal orders created with this credential send their status callbacks there unless the node sets another callback URL.',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> =>
		applyBodySignature(requestOptions, {
			secret: String(credentials.secretKey ?? '').trim(),
			algorithm: 'sha512',
			signatureHeader: MOMENTO_SIGNATURE_HEADER,
			contentType: 'application/json',
		});

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ($credentials.environment === "custom" ? String($credentials.baseUrl) : $credentials.environment === "production" ? "${MOMENTO_BASE_URLS.production}" : "${MOMENTO_BASE_URLS.sandbox}").trim().replace(/\\/+$/, "") }}`,
			url: '/deposit_orders/',
			method: 'GET',
		},
	};
}
