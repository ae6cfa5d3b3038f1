/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import { buildMultipartBody } from '../../../nodes/Monerium/transport/multipart';
import {
	MONERIUM_CLIENTS,
	MONERIUM_SEED,
	startMoneriumSandbox,
	type MoneriumSandbox,
} from './index';

const ACCEPT = 'application/vnd.monerium.api-v2+json';

describe('Monerium sandbox enforces the document', () => {
	let sandbox: MoneriumSandbox;
	let token = '';
	beforeAll(async () => {
		sandbox = await startMoneriumSandbox();
	});
	beforeEach(async () => {
		const response = await fetch(`${sandbox.baseUrl}/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: MONERIUM_CLIENTS.clientCredentials.clientId,
				client_secret: MONERIUM_CLIENTS.clientCredentials.clientSecret,
			}).toString(),
		});
		token = ((await response.json()) as { access_token: string }).access_token;
	});
	afterAll(async () => await sandbox.close());

	const upload = async (data: Buffer, contentType: string, filename = 'doc.pdf') => {
		const multipart = buildMultipartBody([{ name: 'file', filename, contentType, data }]);
		return await fetch(`${sandbox.baseUrl}/files`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${token}`,
				accept: ACCEPT,
				'content-type': multipart.contentType,
			},
			body: multipart.body,
		});
	};

	it('rejects API calls without the v2 Accept header or without a token', async () => {
		expect(
			(
				await fetch(`${sandbox.baseUrl}/profiles`, {
					headers: { authorization: `Bearer ${token}` },
				})
			).status,
		).toBe(406);
		expect(
			(await fetch(`${sandbox.baseUrl}/profiles`, { headers: { accept: ACCEPT } })).status,
		).toBe(401);
	});

	it('answers the wrong client for a grant with the documented 400', async () => {
		const response = await fetch(`${sandbox.baseUrl}/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: MONERIUM_CLIENTS.authorizationCode.clientId,
				client_secret: 'x',
			}).toString(),
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { message: string }).message).toBe(
			'The client is not authorized to request a token using this method.',
		);
	});

	const tokenRequest = async (form: Record<string, string>) =>
		await fetch(`${sandbox.baseUrl}/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form).toString(),
		});
	/** A refresh token from the PKCE authorization code flow. */
	const codeFlowRefreshToken = async () => {
		const clientId = MONERIUM_CLIENTS.authorizationCode.clientId;
		const verifier = randomBytes(32).toString('base64url');
		const redirectUri = 'http://localhost/callback';
		const authorize = new URL(`${sandbox.baseUrl}/auth`);
		authorize.search = new URLSearchParams({
			client_id: clientId,
			redirect_uri: redirectUri,
			code_challenge: createHash('sha256').update(verifier).digest('base64url'),
			code_challenge_method: 'S256',
		}).toString();
		const redirect = await fetch(authorize, { redirect: 'manual' });
		const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
		const exchange = await tokenRequest({
			grant_type: 'authorization_code',
			client_id: clientId,
			code,
			code_verifier: verifier,
			redirect_uri: redirectUri,
		});
		return ((await exchange.json()) as { refresh_token: string }).refresh_token;
	};
	const refresh = async (refreshToken: string) =>
		await tokenRequest({
			grant_type: 'refresh_token',
			client_id: MONERIUM_CLIENTS.authorizationCode.clientId,
			refresh_token: refreshToken,
		});

	it('a refresh token works again by default; with rotation once, then invalid_grant (400)', async () => {
		const reusable = await codeFlowRefreshToken();
		expect((await refresh(reusable)).status).toBe(200);
		expect((await refresh(reusable)).status).toBe(200);

		sandbox.setRotateRefreshTokens(true);
		const once = await codeFlowRefreshToken();
		const first = await refresh(once);
		expect(first.status).toBe(200);
		const rotated = ((await first.json()) as { refresh_token: string }).refresh_token;
		expect(rotated).not.toBe(once);
		const reused = await refresh(once);
		expect(reused.status).toBe(400);
		expect(((await reused.json()) as { error: string }).error).toBe('invalid_grant');
		expect((await refresh(rotated)).status).toBe(200);
		sandbox.reset();
		expect((await refresh(reusable)).status).toBe(200);
		expect((await refresh(reusable)).status).toBe(200);
	});

	const ORDER_ID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
	const placeOrder = async () =>
		await fetch(`${sandbox.baseUrl}/orders`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${token}`,
				accept: ACCEPT,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				id: ORDER_ID,
				kind: 'redeem',
				address: MONERIUM_SEED.address,
				chain: 'sepolia',
				currency: 'eur',
				amount: '1',
				counterpart: {
					identifier: { standard: 'iban', iban: MONERIUM_SEED.counterpartIban },
					details: { firstName: 'Ola', lastName: 'Nordmann', country: 'DK' },
				},
				message: `Send EUR 1 to ${MONERIUM_SEED.counterpartIban} at ${new Date().toISOString().slice(0, 16)}Z`,
				signature: '0xdeadbeef',
				memo: 'Invoice 2024-001',
			}),
		});

	it('a repeated order id places another order by default, and is refused with 409 when deduplicating', async () => {
		expect([(await placeOrder()).status, (await placeOrder()).status]).toEqual([201, 201]);
		expect(sandbox.orders()).toHaveLength(2);
		const read = await fetch(`${sandbox.baseUrl}/orders/${ORDER_ID}`, {
			headers: { authorization: `Bearer ${token}`, accept: ACCEPT },
		});
		expect(read.status).toBe(200);
		sandbox.setDeduplicateOrderIds(true);
		expect((await placeOrder()).status).toBe(409);
		expect(sandbox.orders()).toHaveLength(2);
		sandbox.reset();
	});

	it('after-processing faults place the order, then drop the connection or answer 500', async () => {
		sandbox.injectFault({ method: 'POST', path: '/orders', when: 'after', drop: true });
		await expect(placeOrder()).rejects.toThrow();
		sandbox.injectFault({ method: 'POST', path: '/orders', when: 'after', status: 500 });
		expect((await placeOrder()).status).toBe(500);
		expect(sandbox.orders()).toHaveLength(2);
		sandbox.reset();
	});

	it('accepts a PDF upload (multipart built by the node helper) and enforces type and size limits', async () => {
		const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1000, 32)]);
		const ok = await upload(pdf, 'application/pdf');
		expect(ok.status).toBe(201);
		expect(await ok.json()).toMatchObject({
			name: 'doc.pdf',
			type: 'application/pdf',
			size: pdf.length,
		});
		expect((await upload(Buffer.from('GIF89a...'), 'image/gif', 'x.gif')).status).toBe(422);
		expect((await upload(pdf, 'application/pdf', `${'a'.repeat(97)}.pdf`)).status).toBe(422);
		expect(
			(await upload(Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]), 'application/pdf')).status,
		).toBe(413);
	});
});

describe('Monerium sandbox accepts every reading the document allows', () => {
	let sandbox: MoneriumSandbox;
	let token = '';
	beforeAll(async () => {
		sandbox = await startMoneriumSandbox();
		const response = await fetch(`${sandbox.baseUrl}/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: MONERIUM_CLIENTS.clientCredentials.clientId,
				client_secret: MONERIUM_CLIENTS.clientCredentials.clientSecret,
			}).toString(),
		});
		token = ((await response.json()) as { access_token: string }).access_token;
	});
	afterAll(async () => await sandbox.close());

	const get = async (path: string, accept?: string) =>
		await fetch(`${sandbox.baseUrl}${path}`, {
			headers: { authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) },
		});

	it('endpoints whose documentation lists no Accept header answer without it', async () => {
		const address = '0x59cFC408d310697f9D3598e1BE75B0157a072407';
		expect((await get(`/balances/ethereum/${address}?currency=eur&currency=usd`)).status).toBe(200);
		const tokens = await get('/tokens');
		expect(tokens.status).toBe(200);
		expect(await tokens.json()).toContainEqual(
			expect.objectContaining({
				currency: 'eur',
				ticker: 'EUR',
				symbol: 'EURe',
				chain: 'ethereum',
			}),
		);
		expect((await get('/profiles')).status).toBe(406);
		expect((await get('/profiles', ACCEPT)).status).toBe(200);
	});

	it('a webhook subscription without types (the document lists none) gets every event', async () => {
		const receiver = createServer((_req, res) => res.writeHead(200).end());
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const port = (receiver.address() as { port: number }).port;
		try {
			const response = await fetch(`${sandbox.baseUrl}/webhooks`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					url: `http://127.0.0.1:${port}/hook`,
					secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
				}),
			});
			expect(response.status).toBe(201);
			expect(((await response.json()) as { types: string[] }).types).toEqual([
				'profile.updated',
				'iban.updated',
			]);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});
});
