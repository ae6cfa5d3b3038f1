import { sleep } from 'n8n-workflow';

import { testCredential } from '../../harness/credential-test';
import { loadPackageCredentialTypes } from '../../harness/package-types';
import { SANDBOX_SECRETS } from '../../sandboxes/memento/state';
import {
	mementoCredential,
	mementoNode,
	payParameters,
	useMementoSandbox,
} from './memento.fixture';

describe('Memento Payments: authentication token flow and sessions', () => {
	const { sandbox, run, runOne } = useMementoSandbox();

	it('token:create (sms), token:getStatus and token:confirm give an approved token that opens sessions', async () => {
		const [pending] = await runOne({
			resource: 'token',
			operation: 'create',
			identityType: 'username',
			identityValue: 'jondough',
			authenticator: 'sms',
		});
		expect(pending.status_id).toBe(1);
		const [call] = sandbox().requestsTo('POST', '/v1/tokens');
		expect(call.headers.authorization).toBeUndefined();
		expect(call.body).toMatchObject({
			identity: { type: 'username', value: 'jondough' },
			authenticator: 'sms',
			device: { make: 'n8n' },
		});
		expect((call.body as { device: { uuid: string } }).device.uuid).toMatch(/^[0-9a-f-]{36}$/);
		const [status] = await runOne({
			resource: 'token',
			operation: 'getStatus',
			tokenUuid: pending.uuid as string,
		});
		expect(status).toEqual({ uuid: pending.uuid, status_id: 1 });
		const [approved] = await runOne({
			resource: 'token',
			operation: 'confirm',
			tokenUuid: pending.uuid as string,
			secret: '111111',
			sendPin: true,
		});
		expect(approved.status_id).toBe(2);
		expect(
			sandbox().requestsTo('POST', `/v1/tokens/${pending.uuid as string}/secret`)[0].body,
		).toEqual({ secret: '111111', pin: '1234' });
		// The new token works in the credential.
		const result = await run({
			nodes: [mementoNode('Memento', { resource: 'user', operation: 'getCurrent' })],
			credentialOverrides: { authenticationToken: approved.token },
		});
		expect(result.error).toBeUndefined();
	});

	it("password login as in the document's example: pending first, then step 2 without a PIN", async () => {
		const [pending] = await runOne({
			resource: 'token',
			operation: 'create',
			identityType: 'username',
			identityValue: 'jondough',
			authenticator: 'password',
			secret: SANDBOX_SECRETS.password,
		});
		// The document's example answers "status_id": 1 // pending for a password login.
		expect(pending.status_id).toBe(1);
		const [approved] = await runOne({
			resource: 'token',
			operation: 'confirm',
			tokenUuid: pending.uuid as string,
			secret: SANDBOX_SECRETS.smsCode,
		});
		expect(approved.status_id).toBe(2);
		// "PIN (depends on the authenticator type)": none was sent, none was required.
		expect(
			sandbox().requestsTo('POST', `/v1/tokens/${pending.uuid as string}/secret`)[0].body,
		).toEqual({ secret: SANDBOX_SECRETS.smsCode });
	});

	it('session:verify checks the session token at POST /v1/sessions/verify', async () => {
		const [answer] = await runOne({ resource: 'session', operation: 'verify' });
		expect(answer).toEqual({ valid: true });
		const [verify] = sandbox().requestsTo('POST', '/v1/sessions/verify');
		expect(verify.headers.authorization).toMatch(/^Bearer ses_/);
	});

	it('token:confirm with a wrong code is a 422 that names the field and never shows the PIN', async () => {
		const [pending] = await runOne({
			resource: 'token',
			operation: 'create',
			identityType: 'phone',
			identityValue: '+44 7700 900001',
			authenticator: 'sms',
		});
		const result = await run({
			nodes: [
				mementoNode('Memento', {
					resource: 'token',
					operation: 'confirm',
					tokenUuid: pending.uuid as string,
					secret: '999999',
					sendPin: true,
				}),
			],
		});
		expect(result.error?.message).toMatch(
			/422 VALIDATION_ERROR: Validation failed; secret: is incorrect or expired/,
		);
		expect(JSON.stringify({ m: result.error?.message, d: result.error?.description })).not.toMatch(
			/999999|1234/,
		);
	});

	it('one session for a whole batch: preAuthentication runs once for 6 items', async () => {
		const result = await run({
			items: Array.from({ length: 6 }, () => ({})),
			nodes: [mementoNode('Memento', { resource: 'user', operation: 'getCurrent' })],
		});
		expect(result.json('Memento')).toHaveLength(6);
		// Items in flight that find no session each ask the credential; they share one login.
		expect(result.credentialsHelper.calls.preAuthentication).toBeLessThanOrEqual(6);
		expect(sandbox().stats.sessionsCreated).toBe(1);
		expect(result.credentialsHelper.stored('memento-sandbox')?.data.sessionToken).toMatch(/^ses_/);
	});

	it('a session that expires in the middle of a batch is renewed once and no item is lost or paid twice', async () => {
		sandbox().injectFault({
			kind: 'expire-sessions',
			method: 'POST',
			path: /^\/v1\/payments$/,
			when: (r) => (r.body as { amount: string }).amount === '3.00',
		});
		const items = [1, 2, 3, 4, 5].map((n) => ({ amount: `${n}.00` }));
		const result = await run({
			items,
			// One by one: the session expires between item 2 and item 3.
			nodes: [
				mementoNode(
					'Memento',
					payParameters({ amount: '={{ $json.amount }}', batching: { parallelRequests: 1 } }),
				),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Memento').map((payment) => payment.amount)).toEqual([
			'1.00',
			'2.00',
			'3.00',
			'4.00',
			'5.00',
		]);
		expect(result.credentialsHelper.calls.preAuthentication).toBe(2);
		expect(sandbox().stats.sessionsCreated).toBe(2);
		expect(sandbox().stats.paymentsCreated).toBe(5);
		const statuses = sandbox()
			.requestsTo('POST', '/v1/payments')
			.map((r) => r.status);
		expect(statuses).toEqual([201, 201, 401, 201, 201, 201]);
	});

	it('a session that expires under 8 items in flight is renewed once for all of them', async () => {
		sandbox().injectFault({
			kind: 'expire-sessions',
			method: 'POST',
			path: /^\/v1\/payments$/,
			when: (r) => (r.body as { amount: string }).amount === '3.00',
		});
		const items = Array.from({ length: 20 }, (_, n) => ({ amount: `${n + 1}.00` }));
		const result = await run({
			items,
			nodes: [mementoNode('Memento', payParameters({ amount: '={{ $json.amount }}' }))],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Memento')).toHaveLength(20);
		expect(sandbox().stats.sessionsCreated).toBe(2);
		expect(sandbox().stats.paymentsCreated).toBe(20);
	});

	it('a stored session that expired between runs is renewed on the first 401', async () => {
		await run({
			nodes: [mementoNode('Memento', { resource: 'user', operation: 'getCurrent' })],
			keepSession: true,
		});
		sandbox().expireSessions();
		const second = await run({
			nodes: [mementoNode('Memento', { resource: 'user', operation: 'getCurrent' })],
			keepSession: true,
		});
		expect(second.error).toBeUndefined();
		expect(sandbox().stats.sessionsCreated).toBe(2);
		expect(second.credentialsHelper.calls.preAuthentication).toBe(2);
	});

	it('a wrong authentication token is a clear 401 that names the credential and leaks no token', async () => {
		const result = await run({
			nodes: [mementoNode('Memento', { resource: 'user', operation: 'getCurrent' })],
			credentialOverrides: { authenticationToken: 'aut_wrong_token_value' },
		});
		expect(result.error?.message).toMatch(/Memento Payments answered 401 UNAUTHORIZED/);
		expect(result.error?.description).toMatch(/Authentication Token/);
		expect(JSON.stringify([result.error?.message, result.error?.description])).not.toContain(
			'aut_wrong_token_value',
		);
	});

	it('a missing authentication token is refused before any request', async () => {
		const result = await run({
			nodes: [mementoNode('Memento', { resource: 'user', operation: 'getCurrent' })],
			credentialOverrides: { authenticationToken: '' },
		});
		expect(result.error?.message).toMatch(/has no Authentication Token/);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('the project id goes in X-Project-Id; without it the sandbox refuses', async () => {
		const result = await run({
			nodes: [mementoNode('Memento', { resource: 'user', operation: 'getCurrent' })],
			credentialOverrides: { projectId: '' },
		});
		expect(result.error?.message).toMatch(/400/);
	});

	it('credential test: opens a session (preAuthentication) and verifies it at POST /v1/sessions/verify', async () => {
		const type = loadPackageCredentialTypes().get('mementoPaymentsApi')!;
		const data = { ...mementoCredential(sandbox()).data, projectHeader: 'X-Project-Id' };
		const helpers = {
			helpers: {
				httpRequest: async (options: {
					url: string;
					method: string;
					headers: Record<string, string>;
				}) => {
					const response = await fetch(options.url, {
						method: options.method,
						headers: options.headers,
					});
					if (!response.ok)
						throw Object.assign(new Error(`HTTP ${response.status}`), {
							response: { status: response.status },
						});
					return await response.json();
				},
			},
		};
		const session = (await type.preAuthentication!.call(helpers as never, data)) as {
			sessionToken: string;
		};
		const outcome = await testCredential('mementoPaymentsApi', { ...data, ...session });
		expect(outcome).toMatchObject({ status: 'OK', statusCode: 200 });
		const stale = await testCredential('mementoPaymentsApi', {
			...data,
			sessionToken: 'ses_unknown',
		});
		expect(stale).toMatchObject({ status: 'Error', statusCode: 401 });
		expect(sandbox().requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v1/sessions',
			'POST /v1/sessions/verify',
			'POST /v1/sessions/verify',
		]);
	});
});

describe('Memento Payments: a session is renewed before its expires_at', () => {
	// 3 s sessions: the node renews a tenth of the lifetime (0.3 s) before expires_at.
	const { sandbox, run } = useMementoSandbox({ sessionLifetimeMs: 3000 });

	it('a stored session close to expires_at is replaced before the request, with no 401', async () => {
		const getCurrent = mementoNode('Memento', { resource: 'user', operation: 'getCurrent' });
		const first = await run({ nodes: [getCurrent], keepSession: true });
		expect(first.error).toBeUndefined();
		const stored = first.credentialsHelper.stored('memento-sandbox')?.data;
		expect(Date.parse(String(stored?.sessionRenewAt))).toBeGreaterThan(Date.now());
		await sleep(2780);
		// The first session is still valid at Memento here: only expires_at says to renew.
		const second = await run({ nodes: [getCurrent], keepSession: true });
		expect(second.error).toBeUndefined();
		expect(sandbox().stats.sessionsCreated).toBe(2);
		expect(sandbox().requests.filter((r) => r.status === 401)).toHaveLength(0);
	});
});
