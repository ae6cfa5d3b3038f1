import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CONDUCTOR_DEFAULT_BASE_URL } from '../nodes/MomentConductor/constants';

export class MomentConductorApi implements ICredentialType {
	name = 'momentConductorApi';

	displayName = 'Moment Conductor API';

	icon: Icon = {
		light: 'file:../icons/momentConductor.svg',
		dark: 'file:../icons/momentConductor.dark.svg',
	};

	documentationUrl = 'https://github.com/payments-pack/n8n-nodes-payments-pack#moment-conductor';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'sk_...',
			description: 'The secret key Moment issued for this partner. It starts with sk_.',
		},
		{
			displayName: 'Default Retailer ID',
			name: 'retailerId',
			type: 'string',
			default: '',
			description:
				'Sent as the Retailer-Id header on account enquiries and transaction creation. A node can override it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: CONDUCTOR_DEFAULT_BASE_URL,
			description:
				'Conductor API base URL. Use the sandbox URL Moment gave you while testing. The healthcheck is called at the host root.',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.secretKey ?? '').trim()}`,
		};
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ String($credentials.baseUrl || "${CONDUCTOR_DEFAULT_BASE_URL}").replace(/\\/+$/, "").replace(/\\/conductor\\/v\\d+$/, "") }}`,
			url: '/healthcheck',
			method: 'POST',
		},
	};
}
