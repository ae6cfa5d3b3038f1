/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { ClientOAuth2 } from '@n8n/client-oauth2';
import { createHash, randomBytes } from 'node:crypto';

import { MONERIUM_CLIENTS } from '../../sandboxes/monerium';
import {
	CREDENTIAL_ID,
	clientCredentialsCredential,
	moneriumNode,
	SEED,
	useMoneriumSandbox,
} from './monerium.fixture';
import { newOAuthCredentialsHelper } from './oauth-credentials';

const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

describe('Monerium OAuth2 through n8n machinery', () => {
	const { sandbox, run, helperFor } = useMoneriumSandbox();

	it('a token expiring in the middle of a 50-item batch loses no item and is fetched again once', async () => {
		sandbox().expireTokensAfter(25);
		const helper = helperFor();
		const result = await run({
			items: Array.from({ length: 50 }, (_, n) => ({ n })),
			nodes: [
				moneriumNode('Monerium', {
					resource: 'profile',
					operation: 'get',
					profile: { __rl: true, mode: 'id', value: SEED.profileId },
					// One by one: exactly one 401 before the new token (refresh-rotation.test.ts covers
					// requests in flight).
					batching: { parallelRequests: 1 },
				}),
			],
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Monerium')).toHaveLength(50);
		expect(result.output('Monerium').map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 50 }, (_, item) => ({ item })),
		);
		// One token at the start, one after the expiry; one 401 in between.
		expect(sandbox().oauthStats.clientCredentials).toBe(2);
		expect(sandbox().requests.filter((r) => r.status === 401)).toHaveLength(1);
		expect(
			sandbox().requests.filter((r) => r.path.startsWith('/profiles/') && r.status === 200),
		).toHaveLength(50);
		const stored = helper.stored(CREDENTIAL_ID)?.data.oauthTokenData as Record<string, unknown>;
		expect(typeof stored.access_token).toBe('string');
	});

	it('200 items, 10 in flight, the token expired before the batch: one new token', async () => {
		const helper = helperFor();
		const getProfile = (parallelRequests: number) =>
			moneriumNode('Monerium', {
				resource: 'profile',
				operation: 'get',
				profile: { __rl: true, mode: 'id', value: SEED.profileId },
				batching: { parallelRequests },
			});
		const warm = await run({ nodes: [getProfile(1)], credentialsHelper: helper });
		expect(warm.error).toBeUndefined();
		expect(sandbox().oauthStats.clientCredentials).toBe(1);
		sandbox().expireTokens();

		const result = await run({
			items: Array.from({ length: 200 }, (_, n) => ({ n })),
			nodes: [getProfile(10)],
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Monerium')).toHaveLength(200);
		// The run's first request goes alone: its 401 makes n8n fetch one token, which the other
		// requests then find in the credential.
		expect(sandbox().oauthStats.clientCredentials).toBe(2);
		expect(sandbox().requests.filter((r) => r.status === 401)).toHaveLength(1);
	});

	it('wrong client secret: a clear credential error naming no secret', async () => {
		const result = await run({
			nodes: [moneriumNode('Monerium', { resource: 'auth', operation: 'getContext' })],
			credential: clientCredentialsCredential(sandbox(), { clientSecret: 'wrong-secret-value' }),
		});
		expect(result.error?.message).toContain('Monerium refused the credential');
		expect(JSON.stringify(result.error)).not.toContain('wrong-secret-value');
	});

	it('authorization code + PKCE (S256): n8n exchanges the code, then refreshes with the refresh token', async () => {
		const credential = {
			id: CREDENTIAL_ID,
			name: 'Monerium PKCE',
			type: 'moneriumOAuth2Api',
			data: {
				environment: 'custom',
				customUrl: sandbox().baseUrl,
				grantType: 'pkce',
				clientId: MONERIUM_CLIENTS.authorizationCode.clientId,
			},
		};
		const helper = newOAuthCredentialsHelper([credential]);
		const resolved = await helper.getDecrypted(
			{},
			{ id: CREDENTIAL_ID, name: 'x' },
			'moneriumOAuth2Api',
		);
		expect(resolved).toMatchObject({
			authUrl: `${sandbox().baseUrl}/auth`,
			accessTokenUrl: `${sandbox().baseUrl}/auth/token`,
			authentication: 'body',
		});
		expect(resolved.clientSecret).toBeUndefined();

		// What n8n's OAuth2 controller does for grantType "pkce".
		const verifier = randomBytes(48).toString('base64url');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const client = new ClientOAuth2({
			clientId: String(resolved.clientId),
			clientSecret: '',
			accessTokenUri: String(resolved.accessTokenUrl),
			authorizationUri: String(resolved.authUrl),
			authentication: 'body',
			redirectUri: REDIRECT_URI,
			scopes: [''],
		});
		const authorizeUrl = client.code.getUri({
			state: 'csrf-1',
			query: { code_challenge: challenge, code_challenge_method: 'S256' },
		});
		const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
		expect(authorize.status).toBe(307);
		const callback = authorize.headers.get('location') as string;
		expect(callback).toContain('state=csrf-1');

		const wrong = new ClientOAuth2({ ...client.options });
		await expect(
			wrong.code.getToken(callback, { body: { code_verifier: 'not-the-verifier' } }),
		).rejects.toThrow();
		const again = await fetch(authorizeUrl, { redirect: 'manual' });
		const token = await client.code.getToken(again.headers.get('location') as string, {
			body: { code_verifier: verifier },
		});
		expect(token.refreshToken).toBeTruthy();
		expect(sandbox().oauthStats.codeExchanges).toBe(1);
		await helper.updateCredentials({ id: CREDENTIAL_ID, name: 'x' }, 'moneriumOAuth2Api', {
			...credential.data,
			oauthTokenData: token.data,
		});

		const first = await run({
			nodes: [moneriumNode('Monerium', { resource: 'auth', operation: 'getContext' })],
			credentialsHelper: helper,
		});
		expect(first.error).toBeUndefined();
		sandbox().expireTokens();
		const second = await run({
			nodes: [moneriumNode('Monerium', { resource: 'auth', operation: 'getContext' })],
			credentialsHelper: helper,
		});
		expect(second.error).toBeUndefined();
		expect(sandbox().oauthStats.refreshes).toBe(1);
		expect(sandbox().oauthStats.clientCredentials).toBe(0);
	});

	it("the document's /auth options reach the authorization URL the way n8n builds it", async () => {
		const address = '0x59cFC408d310697f9D3598e1BE75B0157a072407';
		const credential = {
			id: CREDENTIAL_ID,
			name: 'Monerium PKCE',
			type: 'moneriumOAuth2Api',
			data: {
				environment: 'custom',
				customUrl: sandbox().baseUrl,
				grantType: 'pkce',
				clientId: MONERIUM_CLIENTS.authorizationCode.clientId,
				authEmail: 'ola+test@example.com',
				authSkipKyc: true,
				authSkipCreateAccount: true,
				authAddress: address,
				authSignature: '0xabc123',
			},
		};
		const helper = newOAuthCredentialsHelper([credential]);
		const resolved = await helper.getDecrypted(
			{},
			{ id: CREDENTIAL_ID, name: 'x' },
			'moneriumOAuth2Api',
		);
		expect(resolved.authQueryParameters).toBe(
			`email=ola%2Btest%40example.com&skip_kyc=true&skip_create_account=true&address=${address}&signature=0xabc123`,
		);
		// n8n's OAuth service: query = qs.parse(authQueryParameters), plus the PKCE challenge.
		const client = new ClientOAuth2({
			clientId: String(resolved.clientId),
			clientSecret: '',
			accessTokenUri: String(resolved.accessTokenUrl),
			authorizationUri: String(resolved.authUrl),
			redirectUri: REDIRECT_URI,
			scopes: [''],
		});
		const query = Object.fromEntries(new URLSearchParams(String(resolved.authQueryParameters)));
		const challenge = createHash('sha256').update('verifier').digest('base64url');
		const uri = client.code.getUri({
			state: 's',
			query: { ...query, code_challenge: challenge, code_challenge_method: 'S256' },
		});
		expect((await fetch(uri, { redirect: 'manual' })).status).toBe(307);
		expect(sandbox().oauthStats.authorizeOptions.at(-1)).toEqual({
			email: 'ola+test@example.com',
			skip_kyc: 'true',
			skip_create_account: 'true',
			address,
			signature: '0xabc123',
		});

		const plain = newOAuthCredentialsHelper([
			{
				...credential,
				data: {
					...credential.data,
					authEmail: '',
					authSkipKyc: false,
					authSkipCreateAccount: false,
					authAddress: '',
					authSignature: '',
				},
			},
		]);
		const none = await plain.getDecrypted(
			{},
			{ id: CREDENTIAL_ID, name: 'x' },
			'moneriumOAuth2Api',
		);
		expect(none.authQueryParameters).toBe('');
	});
});
