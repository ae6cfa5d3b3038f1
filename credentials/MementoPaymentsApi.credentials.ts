import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	MEMENTO_DEFAULT_BASE_URL,
	MEMENTO_DEFAULT_PROJECT_HEADER,
	mementoBaseUrl,
	mementoProjectHeaders,
	sessionRenewAt,
} from '../nodes/MementoPayments/constants';
import { refreshOnce } from '../nodes/shared/http/refresh-once';

export class MementoPaymentsApi implements ICredentialType {
	name = 'mementoPaymentsApi';

	displayName = 'Memento Payments API';

	icon: Icon = { light: 'file:../icons/memento.svg', dark: 'file:../icons/memento.dark.svg' };

	documentationUrl = 'https://github.com/payments-pack/n8n-nodes-payments-pack#memento-payments';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: MEMENTO_DEFAULT_BASE_URL,
			description:
				"The Memento Payments Cloud endpoint, or your project's custom host name (CNAME), e.g. https://payments.example.com",
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			description:
				'Your project ID on the Memento Payments Cloud. Leave empty when the Base URL is your custom host name.',
		},
		{
			displayName: 'Project ID Header',
			name: 'projectHeader',
			type: 'string',
			default: MEMENTO_DEFAULT_PROJECT_HEADER,
			description:
				'Header that carries the Project ID on every request. The Memento document does not name it; change it if your instance expects another name.',
		},
		{
			displayName: 'Authentication Token',
			name: 'authenticationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Long-lived token that opens sessions. Get one with the node's Token resource (Create, then Confirm with the verification secret and PIN).",
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- a PIN is a secret
		{
			displayName: 'PIN',
			name: 'pin',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The Memento user's PIN (4 to 8 digits). Payments, pool contributions and paying a request send it; Token > Confirm sends it when asked to. Kept here, encrypted, so it never sits in a workflow or its executions.",
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			// When the node opens a new session instead of using this one: shortly before expires_at.
			displayName: 'Session Renew At',
			name: 'sessionRenewAt',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * Opens a session (POST /v1/sessions) when none is stored, when the stored one is about to
	 * expire (the node clears it then, see sessionRenewAt) or when Memento answered 401.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const authenticationToken = String(credentials.authenticationToken ?? '').trim();
		// Items sent in parallel that see the same expired session share one login.
		const identity = [mementoBaseUrl(credentials), authenticationToken].join('\u001f');
		return await refreshOnce(identity, String(credentials.sessionToken ?? ''), async () => {
			const response = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${mementoBaseUrl(credentials)}/v1/sessions`,
				headers: {
					Accept: 'application/json',
					Authorization: `Bearer ${authenticationToken}`,
					...mementoProjectHeaders(credentials),
				},
				json: true,
			})) as { token?: unknown; expires_at?: unknown };
			return {
				sessionToken: typeof response?.token === 'string' ? response.token : '',
				sessionRenewAt: sessionRenewAt(response?.expires_at, Date.now()),
			};
		});
	}

	/** Every call carries the session token and, when set, the project header. */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		requestOptions.headers = {
			...requestOptions.headers,
			...mementoProjectHeaders(credentials),
			Authorization: `Bearer ${String(credentials.sessionToken ?? '')}`,
		};
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ String($credentials.baseUrl || "${MEMENTO_DEFAULT_BASE_URL}").replace(/\\/+$/, "") }}`,
			url: '/v1/sessions/verify',
			method: 'POST',
		},
	};
}
