// Monerium in a real n8n: the client-credentials order example runs with `n8n execute --id` (n8n's
// own OAuth2 machinery fetches the token from the sandbox), then the Standard Webhooks trigger is
// activated on a running n8n, subscribes at the sandbox with its production URL, and the sandbox
// delivers signed, forged and repeated notifications to it.
import { randomUUID } from 'node:crypto';

import {
	MONERIUM_CLIENTS,
	MONERIUM_SEED,
	type MoneriumSandbox as BareMoneriumSandbox,
} from '../sandboxes/monerium';
import { describeFailure, nodeOutput } from './lib/n8n-output';
import { sleep } from './lib/processes';
import { providerEnvironment, type ProviderEnvironment } from './lib/setup';
import { waitForFinishedExecutions, waitUntil } from './lib/waits';
import type { RunningSandbox } from './providers';

type MoneriumSandbox = BareMoneriumSandbox & RunningSandbox;

const OWNER = {
	email: 'monerium-e2e@payments-pack.dev',
	// A throwaway owner of a throwaway n8n.
	password: `Monerium-${randomUUID()}-A1`,
	firstName: 'Monerium',
	lastName: 'Tester',
};

const TRIGGER_WEBHOOK_ID = '2b7d4c1e-9f3a-4a6b-8c5d-0e1f2a3b4c5d';
const ACCEPT_V2 = 'application/vnd.monerium.api-v2+json';

describe('Monerium in n8n 2.41', () => {
	let env: ProviderEnvironment<MoneriumSandbox>;

	beforeAll(async () => {
		env = await providerEnvironment<MoneriumSandbox>('monerium');
	});

	afterAll(async () => {
		await env?.dispose();
	});

	it('places an order from a created and signed message with one client-credentials token', async () => {
		env.sandbox.reset();
		const result = await env.n8n.execute(env.example('monerium-place-order').id);
		if (!result.run || result.code !== 0) throw new Error(describeFailure(result));

		const [built] = nodeOutput(result.run, 'Create Message');
		expect(built.message).toMatch(
			new RegExp(
				`^Send EUR 100\\.50 to ${MONERIUM_SEED.counterpartIban} at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ$`,
			),
		);
		const [signed] = nodeOutput(result.run, 'Sign Message (wallet stand-in)');
		expect(signed).toMatchObject({ message: built.message });
		expect(signed.signature).toMatch(/^0x[0-9a-f]{64}$/);

		const [placed] = nodeOutput(result.run, 'Place Order');
		expect(placed).toMatchObject({
			kind: 'redeem',
			state: 'placed',
			address: MONERIUM_SEED.address,
			chain: 'sepolia',
			currency: 'eur',
			amount: '100.50',
			memo: 'Invoice 2024-001',
			replayed: false,
			counterpart: {
				identifier: { standard: 'iban', iban: MONERIUM_SEED.counterpartIban },
				details: { firstName: 'Ola', lastName: 'Nordmann', country: 'DK' },
			},
		});
		const [read] = nodeOutput(result.run, 'Read Order');
		expect(read).toMatchObject({ id: placed.id, state: 'placed', amount: '100.50' });

		// Exactly one order, with the id the node derived, and the message the wallet signed.
		const orders = env.sandbox.orders();
		expect(orders.map((order) => order.id)).toEqual([placed.id]);
		// One token for the two API calls; every API call asked for API v2.
		expect(env.sandbox.oauthStats).toMatchObject({ tokenRequests: 1, clientCredentials: 1 });
		const api = env.sandbox.requests.filter((request) => request.path !== '/auth/token');
		expect(api.map((request) => [request.method, request.path, request.status])).toEqual([
			['POST', '/orders', 201],
			['GET', `/orders/${String(placed.id)}`, 200],
		]);
		for (const request of api) expect(request.headers.accept).toContain(ACCEPT_V2);
		expect(JSON.stringify(result.run)).not.toContain(
			MONERIUM_CLIENTS.clientCredentials.clientSecret,
		);
	});

	it('the trigger subscribes on activation and runs once for a signed profile.updated, never for a forged or repeated one', async () => {
		env.sandbox.reset();
		const trigger = env.example('monerium-profile-trigger');
		await env.n8n.start();
		await env.n8n.ensureOwner(OWNER);
		await env.n8n.createApiKey();
		await env.n8n.activate(trigger.id);

		// Activation (it completes shortly after the API answers) subscribed the production URL, after
		// that URL answered Monerium's subscription.created check.
		await waitUntil(() => env.sandbox.state.subscriptions.length > 0, 15_000);
		const subscriptions = env.sandbox.state.subscriptions;
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({
			url: `${env.n8n.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`,
			types: ['profile.updated'],
		});
		expect(subscriptions[0].secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
		expect(env.sandbox.oauthStats.clientCredentials).toBe(1);

		// Activation ends by saving the secret in the workflow's static data; until then the trigger
		// can only answer the subscription check (a delivery gets 401 and Monerium retries later).
		await waitUntil(async () => {
			const { data: workflow } = await env.n8n.rest<{
				staticData?: Record<string, { secret?: string }>;
			}>('GET', `/api/v1/workflows/${trigger.id}`);
			return workflow.staticData?.['node:Monerium Trigger']?.secret === subscriptions[0].secret;
		}, 15_000);
		const data = { id: MONERIUM_SEED.profileId, state: 'approved', kind: 'personal' };
		const [signed] = await env.sandbox.emit('profile.updated', data);
		expect(signed.status).toBe(200);
		const executions = await waitForFinishedExecutions(env.n8n, trigger.id, 1, 15_000, {
			includeData: true,
			intervalMs: 250,
		});
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		const emitted =
			executions[0].data?.resultData.runData['Monerium Trigger']?.[0]?.data?.main?.[0];
		expect(emitted?.map((item) => item.json)).toEqual([
			{ webhookId: signed.id, type: 'profile.updated', timestamp: expect.any(String), data },
		]);

		// Signed with another key: rejected before anything starts.
		const [forged] = await env.sandbox.emit('profile.updated', data, { forge: true });
		expect(forged.status).toBe(401);
		// Monerium retrying the same delivery (same webhook-id, fresh timestamp and signature).
		const [again] = await env.sandbox.emit('profile.updated', data, { id: signed.id });
		expect(again.status).toBe(200);
		expect(again.body).toContain('Already received');
		// A signed delivery that is too old (a replay captured earlier).
		const [stale] = await env.sandbox.emit('profile.updated', data, {
			timestamp: Math.floor(Date.now() / 1000) - 3600,
		});
		expect(stale.status).toBe(401);

		await sleep(1500);
		expect(await env.n8n.executions(trigger.id)).toHaveLength(1);
	});
});
