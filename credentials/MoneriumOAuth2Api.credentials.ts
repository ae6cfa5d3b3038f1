import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

export const MONERIUM_SANDBOX_URL = 'https://api.monerium.dev';
export const MONERIUM_PRODUCTION_URL = 'https://api.monerium.app';
/** Monerium answers version 2 only to requests that ask for it. */
export const MONERIUM_ACCEPT = 'application/vnd.monerium.api-v2+json';

export type MoneriumEnvironment = 'sandbox' | 'production' | 'custom';

/** The API base URL of an environment; `custom` is for local fakes and proxies. */
export function moneriumBaseUrl(environment: unknown, customUrl?: unknown): string {
	if (environment === 'production') return MONERIUM_PRODUCTION_URL;
	if (environment === 'custom' && typeof customUrl === 'string' && customUrl.trim() !== '') {
		return customUrl.trim().replace(/\/+$/, '');
	}
	return MONERIUM_SANDBOX_URL;
}

// The same rule as moneriumBaseUrl, as an n8n expression over the credential's own fields.
const BASE_URL_EXPRESSION =
	'$self["environment"] === "production" ? "https://api.monerium.app" : ($self["environment"] === "custom" && $self["customUrl"] ? String($self["customUrl"]).trim().replace(/\\/+$/, "") : "https://api.monerium.dev")';

export class MoneriumOAuth2Api implements ICredentialType {
	name = 'moneriumOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Monerium OAuth2 API';

	icon: Icon = { light: 'file:../icons/monerium.svg', dark: 'file:../icons/monerium.dark.svg' };

	documentationUrl = 'https://github.com/payments-pack/n8n-nodes-payments-pack#monerium';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Sandbox (api.monerium.dev)', value: 'sandbox' },
				{ name: 'Production (api.monerium.app)', value: 'production' },
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'sandbox',
		},
		{
			displayName: 'Custom API URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010',
			description: 'Base URL of a Monerium-compatible API, e.g. a local test server',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description:
						'Your application acts for itself (its own profile) with the client credentials client ID and secret',
				},
				{
					name: 'Authorization Code with PKCE',
					value: 'pkce',
					description: 'A Monerium user authorizes your application in the browser (PKCE, S256)',
				},
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'Monerium gives every application two client IDs: use the one made for the chosen grant type',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { grantType: ['clientCredentials'] } },
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ (${BASE_URL_EXPRESSION}) + "/auth" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ (${BASE_URL_EXPRESSION}) + "/auth/token" }}`,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		// Monerium reads client_id (and client_secret) from the form body, not from Basic auth.
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${BASE_URL_EXPRESSION.split('$self').join('$credentials')} }}`,
			url: '/auth/context',
			headers: { Accept: MONERIUM_ACCEPT },
		},
	};
}
