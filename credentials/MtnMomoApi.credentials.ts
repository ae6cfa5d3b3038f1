import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { refreshOnce } from '../nodes/shared/http/refresh-once';
import {
	basicAuthorization,
	describeTokenRefusal,
	isTokenEndpoint,
	MOMO_PRODUCTS,
	MOMO_SANDBOX_BASE_URL,
	normalizeBaseUrl,
	parseSessionTokens,
	productOfUrl,
	serializeSessionTokens,
	subscriptionKeyField,
	type SessionTokens,
} from '../nodes/MtnMomo/constants';

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * The full URL of a request. n8n's helpers pass `url` (and maybe `baseURL`); the HTTP Request
 * node, through requestWithAuthentication, passes the legacy `uri` and no `url`.
 */
function requestUrl(options: IHttpRequestOptions): string {
	const legacyUri = (options as { uri?: unknown }).uri;
	if (typeof legacyUri === 'string' && legacyUri !== '') return legacyUri;
	return `${options.baseURL ?? ''}${options.url ?? ''}`;
}

function headerPresent(headers: IHttpRequestOptions['headers'], name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === wanted);
}

export class MtnMomoApi implements ICredentialType {
	name = 'mtnMomoApi';

	displayName = 'MTN MoMo API';

	icon: Icon = { light: 'file:../icons/mtnMomo.svg', dark: 'file:../icons/mtnMomo.dark.svg' };

	documentationUrl = 'https://github.com/payments-pack/n8n-nodes-payments-pack#mtn-momo';

	properties: INodeProperties[] = [
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- an APIM subscription key is a secret
		{
			displayName: 'Collection Subscription Key',
			name: 'collectionSubscriptionKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Primary or secondary key of your Collections subscription (MoMo Developer portal > Profile). Sent as Ocp-Apim-Subscription-Key.',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- an APIM subscription key is a secret
		{
			displayName: 'Disbursement Subscription Key',
			name: 'disbursementSubscriptionKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Key of your Disbursements subscription. Only needed for the Disbursement operations.',
		},
		{
			displayName: 'API User',
			name: 'apiUser',
			type: 'string',
			default: '',
			placeholder: 'c72025f5-5cd1-4630-99e4-8ba4722fad56',
			description:
				"The API user ID (a UUID). In the sandbox, create one with the node's Sandbox > Create API User operation; in production, the Partner Portal issues it.",
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The API key of the API user (Sandbox > Create API Key, or the Partner Portal)',
		},
		{
			displayName: 'Target Environment',
			name: 'targetEnvironment',
			type: 'string',
			default: 'sandbox',
			placeholder: 'sandbox',
			description:
				'Sent as X-Target-Environment: "sandbox" for testing, or your market in production, e.g. mtnuganda, mtnghana, mtnivorycoast, mtnzambia, mtncameroon, mtnbenin, mtncongo, mtnswaziland, mtnguineaconakry, mtnsouthafrica, mtnliberia',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: MOMO_SANDBOX_BASE_URL,
			description:
				'The MoMo API host: https://sandbox.momodeveloper.mtn.com for the sandbox, https://proxy.momoapi.mtn.com (or what MTN gave you) in production',
		},
		{
			displayName: 'Default Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…/callback',
			description:
				'Sent as X-Callback-Url when an operation sets none, e.g. the URL of an MTN MoMo Trigger. Its host must be the providerCallbackHost of the API user.',
		},
		{
			displayName: 'Session Tokens',
			name: 'sessionTokens',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Runs only when the stored tokens are missing or a request came back 401: one token request
	 * per product per credential lifetime, shared by every item and every execution.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		// Items sent in parallel that see the same expired tokens share one exchange.
		const identity = [
			normalizeBaseUrl(credentials.baseUrl),
			text(credentials.apiUser),
			text(credentials.apiKey),
			...MOMO_PRODUCTS.map((product) => text(credentials[subscriptionKeyField(product)])),
		].join('\u001f');
		return await refreshOnce(identity, text(credentials.sessionTokens), async () => {
			const apiUser = text(credentials.apiUser);
			const apiKey = text(credentials.apiKey);
			const tokens: SessionTokens = {};
			// Sandbox provisioning needs only a subscription key: nothing to exchange yet.
			if (apiUser === '' || apiKey === '') return { sessionTokens: serializeSessionTokens(tokens) };
			const baseUrl = normalizeBaseUrl(credentials.baseUrl);
			for (const product of MOMO_PRODUCTS) {
				const subscriptionKey = text(credentials[subscriptionKeyField(product)]);
				if (subscriptionKey === '') continue;
				const response = (await this.helpers.httpRequest({
					method: 'POST',
					url: `${baseUrl}/${product}/token/`,
					headers: {
						Authorization: basicAuthorization(apiUser, apiKey),
						'Ocp-Apim-Subscription-Key': subscriptionKey,
						Accept: 'application/json',
					},
					json: true,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				})) as { statusCode: number; body: unknown };
				const body = (response.body ?? {}) as { access_token?: unknown };
				tokens[product] =
					response.statusCode < 300 && typeof body.access_token === 'string'
						? { token: body.access_token }
						: {
								refusal: {
									statusCode: response.statusCode,
									message: describeTokenRefusal(response.statusCode, response.body),
								},
							};
			}
			return { sessionTokens: serializeSessionTokens(tokens) };
		});
	}

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const url = requestUrl(requestOptions);
		const product = productOfUrl(url);
		const headers = { ...requestOptions.headers };
		// The token exchange itself (the credential test) authenticates with Basic apiUser:apiKey.
		if (isTokenEndpoint(url)) {
			headers.Authorization = basicAuthorization(
				text(credentials.apiUser),
				text(credentials.apiKey),
			);
			headers['Ocp-Apim-Subscription-Key'] = text(
				credentials[subscriptionKeyField(product ?? 'collection')],
			);
			requestOptions.headers = headers;
			return requestOptions;
		}
		if (!headerPresent(headers, 'Ocp-Apim-Subscription-Key')) {
			const key =
				text(credentials[subscriptionKeyField(product ?? 'collection')]) ||
				(product === undefined ? text(credentials.disbursementSubscriptionKey) : '');
			headers['Ocp-Apim-Subscription-Key'] = key;
		}
		if (product !== undefined) {
			const token = parseSessionTokens(credentials.sessionTokens)[product]?.token;
			if (token) headers.Authorization = `Bearer ${token}`;
			else delete headers.Authorization;
			if (!headerPresent(headers, 'X-Target-Environment')) {
				headers['X-Target-Environment'] = text(credentials.targetEnvironment) || 'sandbox';
			}
		}
		requestOptions.headers = headers;
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ String($credentials.baseUrl || "${MOMO_SANDBOX_BASE_URL}").replace(/\\/+$/, "") }}`,
			url: '={{ $credentials.collectionSubscriptionKey ? "/collection/token/" : "/disbursement/token/" }}',
			method: 'POST',
		},
	};
}
