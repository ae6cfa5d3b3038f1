/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { ClientOAuth2 } from '@n8n/client-oauth2';
import { createHash, randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { MONERIUM_CLIENTS, type MoneriumSandbox } from '../../sandboxes/monerium';
import {
	CREDENTIAL_ID,
	moneriumNode,
	placeParameters,
	SEED,
	useMoneriumSandbox,
} from './monerium.fixture';
import { newOAuthCredentialsHelper, type OAuthCredentialsHelper } from './oauth-credentials';

/** An authorization code (PKCE) credential, connected the way n8n's OAuth2 controller does it. */
async function connectedCredential(sandbox: MoneriumSandbox): Promise<OAuthCredentialsHelper> {
	const data = {
		environment: 'custom',
		customUrl: sandbox.baseUrl,
		grantType: 'pkce',
		clientId: MONERIUM_CLIENTS.authorizationCode.clientId,
	};
	const helper = newOAuthCredentialsHelper([
		{ id: CREDENTIAL_ID, name: 'Monerium PKCE', type: 'moneriumOAuth2Api', data },
	]);
	const verifier = randomBytes(48).toString('base64url');
	const client = new ClientOAuth2({
		clientId: data.clientId,
		clientSecret: '',
		accessTokenUri: `${sandbox.baseUrl}/auth/token`,
		authorizationUri: `${sandbox.baseUrl}/auth`,
		authentication: 'body',
		redirectUri: 'http://127.0.0.1:5678/rest/oauth2-credential/callback',
		scopes: [''],
	});
	const authorizeUrl = client.code.getUri({
		state: 'csrf',
		query: {
			code_challenge: createHash('sha256').update(verifier).digest('base64url'),
			code_challenge_method: 'S256',
		},
	});
	const callback = (await fetch(authorizeUrl, { redirect: 'manual' })).headers.get('location');
	const token = await client.code.getToken(String(callback), {
		body: { code_verifier: verifier },
	});
	await helper.updateCredentials({ id: CREDENTIAL_ID, name: 'x' }, 'moneriumOAuth2Api', {
		...data,
		oauthTokenData: token.data,
	});
	return helper;
}

/**
 * Another n8n process (a queue-mode worker) holding the same credential refreshes it with the same
 * refresh token just before this one: it wins, stores its new token, and this process's refresh is
 * refused (invalid_grant). n8n 2.41's refresh lock is per process, so this race is real.
 */
function anotherWorkerRefreshesFirst(
	sandbox: MoneriumSandbox,
	helper: OAuthCredentialsHelper,
	{ storesItsToken = true } = {},
) {
	sandbox.beforeTokenRequest(async (form) => {
		if (form.get('grant_type') !== 'refresh_token') return;
		sandbox.beforeTokenRequest(undefined);
		const response = await fetch(`${sandbox.baseUrl}/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
		});
		if (!storesItsToken) return;
		const stored = helper.stored(CREDENTIAL_ID)?.data ?? {};
		const tokenData = stored.oauthTokenData as IDataObject;
		await helper.updateCredentials({ id: CREDENTIAL_ID, name: 'x' }, 'moneriumOAuth2Api', {
			...stored,
			oauthTokenData: { ...tokenData, ...((await response.json()) as IDataObject) },
		});
	});
}

/**
 * Monerium may rotate refresh tokens (the document is silent): each works once. With eight
 * requests in flight when the access token expires, each gets a 401; n8n 2.41 shares one refresh
 * between the requests of one process, not with another process using the same credential.
 */
describe('Monerium: refresh-token rotation while requests are in flight', () => {
	const { sandbox, run } = useMoneriumSandbox();
	const getProfile = () =>
		moneriumNode('Monerium', {
			resource: 'profile',
			operation: 'get',
			profile: { __rl: true, mode: 'id', value: SEED.profileId },
			batching: { parallelRequests: 8 },
		});
	const forty = Array.from({ length: 40 }, (_, n) => ({ n }));
	const expectFortyProfiles = (result: Awaited<ReturnType<typeof run>>) => {
		expect(result.error).toBeUndefined();
		expect(result.output('Monerium').map((item) => item.pairedItem)).toEqual(
			forty.map((_, item) => ({ item })),
		);
		const profileReads = sandbox().requests.filter((r) => r.path.startsWith('/profiles/'));
		expect(profileReads.filter((r) => r.status === 200)).toHaveLength(40);
	};

	it('40 profile reads, 8 in flight, the token expiring mid-batch: one refresh serves all', async () => {
		const helper = await connectedCredential(sandbox());
		sandbox().setRotateRefreshTokens(true);
		sandbox().expireTokensAfter(12);
		const result = await run({ items: forty, nodes: [getProfile()], credentialsHelper: helper });
		expectFortyProfiles(result);
		// n8n 2.41 shares one refresh per credential within a process: no refresh is refused.
		expect(sandbox().oauthStats.refreshes).toBe(1);
		expect(sandbox().oauthStats.rejected).toBe(0);
	});

	it('another worker refreshes the same credential first: the refused requests resend once with its token', async () => {
		const helper = await connectedCredential(sandbox());
		sandbox().setRotateRefreshTokens(true);
		sandbox().expireTokensAfter(12);
		anotherWorkerRefreshesFirst(sandbox(), helper);
		const result = await run({ items: forty, nodes: [getProfile()], credentialsHelper: helper });
		expect(sandbox().oauthStats.rejected).toBe(1);
		expectFortyProfiles(result);
		// The other worker's token is the one stored, and it works: the next run needs no refresh.
		const next = await run({
			nodes: [moneriumNode('Monerium', { resource: 'auth', operation: 'getContext' })],
			credentialsHelper: helper,
		});
		expect(next.error).toBeUndefined();
		expect(sandbox().oauthStats.refreshes).toBe(1);
	});

	it('16 orders, 8 in flight, expiry mid-batch and another worker refreshing: each placed once', async () => {
		const helper = await connectedCredential(sandbox());
		sandbox().setRotateRefreshTokens(true);
		sandbox().expireTokensAfter(5);
		anotherWorkerRefreshesFirst(sandbox(), helper);
		const result = await run({
			items: Array.from({ length: 16 }, (_, n) => ({ n })),
			nodes: [
				moneriumNode('Place', {
					...placeParameters({ memo: '=Invoice {{ $json.n }} of 2024' }),
					batching: { parallelRequests: 8 },
				}),
			],
			credentialsHelper: helper,
		});
		expect(sandbox().oauthStats.rejected).toBe(1);
		expect(result.error).toBeUndefined();
		const placed = result.json('Place');
		expect(placed).toHaveLength(16);
		const orders = sandbox().orders();
		expect(orders).toHaveLength(16);
		const ids = orders.map((order) => order.id);
		expect(new Set(ids).size).toBe(16);
		expect(new Set(placed.map((order) => String(order.id)))).toEqual(new Set(ids));
		expect(new Set(orders.map((order) => order.memo)).size).toBe(16);
		// Every refused POST was answered 401 (not executed) before it was sent again.
		const posts = sandbox().requests.filter((r) => r.method === 'POST' && r.path === '/orders');
		expect(posts.filter((r) => r.status === 201)).toHaveLength(16);
		expect(posts.every((r) => r.status === 201 || r.status === 401)).toBe(true);
	});

	it('the refresh token was used elsewhere and no new token stored: the credential error, no order resent', async () => {
		const helper = await connectedCredential(sandbox());
		const connected = helper.stored(CREDENTIAL_ID)?.data.oauthTokenData as Record<string, string>;
		sandbox().setRotateRefreshTokens(true);
		sandbox().expireTokens();
		anotherWorkerRefreshesFirst(sandbox(), helper, { storesItsToken: false });
		const result = await run({
			nodes: [moneriumNode('Place', placeParameters())],
			credentialsHelper: helper,
		});
		expect(result.error?.message).toContain('Monerium refused the credential');
		const shown = JSON.stringify(result.error);
		expect(shown).not.toContain(connected.access_token);
		expect(shown).not.toContain(connected.refresh_token);
		expect(sandbox().orders()).toHaveLength(0);
		const posts = sandbox().requests.filter((r) => r.method === 'POST' && r.path === '/orders');
		expect(posts.map((r) => r.status)).toEqual([401]);
	});
});
