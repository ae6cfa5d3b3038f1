import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import {
	MONERIUM_ACCEPT,
	MONERIUM_PRODUCTION_URL,
	MONERIUM_SANDBOX_URL,
} from '../nodes/Monerium/constants';

// The same rule as moneriumBaseUrl, as an n8n expression over the credential's own fields.
const BASE_URL_EXPRESSION = `$self["environment"] === "production" ? "${MONERIUM_PRODUCTION_URL}" : ($self["environment"] === "custom" && $self["customUrl"] ? String($self["customUrl"]).trim().replace(/\\/+$/, "") : "${MONERIUM_SANDBOX_URL}")`;

// The document's optional /auth parameters, from the credential's sign-in options.
const AUTH_QUERY_EXPRESSION = [
	'[',
	'$self["authEmail"] ? "email=" + encodeURIComponent(String($self["authEmail"]).trim()) : "",',
	'$self["authSkipKyc"] === true ? "skip_kyc=true" : "",',
	'$self["authSkipCreateAccount"] === true ? "skip_create_account=true" : "",',
	'$self["authAddress"] ? "address=" + encodeURIComponent(String($self["authAddress"]).trim()) : "",',
	'$self["authSignature"] ? "signature=" + encodeURIComponent(String($self["authSignature"]).trim()) : ""',
	'].filter(Boolean).join("&")',
].join(' ');

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
			displayName: 'Sign-in Options',
			name: 'authOptionsNotice',
			type: 'notice',
			default:
				"Optional parameters of Monerium's authorization page (/auth), used when you connect the credential",
			displayOptions: { show: { grantType: ['pkce'] } },
		},
		{
			displayName: 'Prefill Email',
			name: 'authEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description:
				"Email filled in on Monerium's login and sign-up steps (email), so the user signs in with the right account",
			displayOptions: { show: { grantType: ['pkce'] } },
		},
		{
			displayName: 'Skip KYC',
			name: 'authSkipKyc',
			type: 'boolean',
			default: false,
			description:
				'Whether to skip the KYC steps of the authorization flow (skip_kyc); you then submit details and verifications with the Profile operations',
			displayOptions: { show: { grantType: ['pkce'] } },
		},
		{
			displayName: 'Skip Create Account',
			name: 'authSkipCreateAccount',
			type: 'boolean',
			default: false,
			description:
				'Whether to skip the connect-wallet and request-IBAN steps (skip_create_account); you then use Address > Link and IBAN > Request',
			displayOptions: { show: { grantType: ['pkce'] } },
		},
		{
			displayName: 'Address to Link',
			name: 'authAddress',
			type: 'string',
			default: '',
			placeholder: '0x59cFC408d310697f9D3598e1BE75B0157a072407',
			description: 'Address the flow links (address), instead of letting the user pick one',
			displayOptions: { show: { grantType: ['pkce'] } },
		},
		{
			displayName: 'Address Signature',
			name: 'authSignature',
			type: 'string',
			default: '',
			placeholder: '0x...',
			description:
				'Signature of the Link Address message by that address (signature, with 0x): the address is then linked without the connect-wallet step. Needs Address to Link.',
			displayOptions: { show: { grantType: ['pkce'] } },
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
			// n8n appends this to the authorization URL: the sign-in options above, when set.
			default: `={{ ${AUTH_QUERY_EXPRESSION} }}`,
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
