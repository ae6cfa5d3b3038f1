import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
} from 'n8n-workflow';

import { TestCredentialsHelper, type StoredCredential } from '../../harness/credentials-helper';
import { loadPackageCredentialTypes } from '../../harness/package-types';
import { TestNodeTypes } from '../../harness/run-workflow';

/**
 * n8n's own `oAuth2Api` base type (n8n-nodes-base, not installed here): the fields our credential
 * extends, with n8n's defaults, so the merged property list matches what n8n builds.
 */
const OAUTH2_API: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	genericAuth: true,
	properties: [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Body', value: 'body' },
				{ name: 'Header', value: 'header' },
			],
			default: 'header',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSSLIssues',
			type: 'boolean',
			default: false,
		},
	],
};

const PINNED_HIDDEN = [
	'grantType',
	'authUrl',
	'accessTokenUrl',
	'scope',
	'authQueryParameters',
	'authentication',
];

const mockNode: INode = {
	id: 'credential',
	name: 'credential',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * Like the harness helper, plus what n8n's server does for OAuth2 credentials: defaults applied
 * through the merged (oAuth2Api + ours) properties honouring displayOptions, the type's hidden
 * endpoint fields pinned to their defaults, `oauthTokenData` kept, and `={{ $self[...] }}`
 * expressions resolved against the credential itself.
 */
export class OAuthCredentialsHelper extends TestCredentialsHelper {
	private readonly workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
	});

	async getDecrypted(
		additionalData: unknown,
		details: INodeCredentialsDetails,
		type: string,
		_mode?: unknown,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const original = await super.getDecrypted(additionalData, details, type);
		const stored = this.stored(details.id ?? '')?.data ?? {};
		if (raw === true) return structuredClone(stored);
		const properties = this.getCredentialsProperties(type);
		const data: ICredentialDataDecryptedObject = { ...original };
		for (const field of PINNED_HIDDEN) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete data[field];
		}
		const withDefaults = NodeHelpers.getNodeParameters(
			properties,
			data as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (stored.oauthTokenData !== undefined) withDefaults.oauthTokenData = stored.oauthTokenData;
		return this.workflow.expression.getComplexParameterValue(
			mockNode,
			withDefaults as INodeParameters,
			'internal',
			{},
			undefined,
			undefined,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}
}

export function newOAuthCredentialsHelper(credentials: StoredCredential[]): OAuthCredentialsHelper {
	const types = loadPackageCredentialTypes();
	types.set('oAuth2Api', OAUTH2_API);
	return new OAuthCredentialsHelper(types, credentials);
}
