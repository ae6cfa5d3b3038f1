// The Momento callback trigger in a real n8n: a deposit order is created through the Momento node
// with the credential's Default Callback URL pointing at the trigger's production URL (secret
// token in the query), the trigger workflow is activated on a running n8n, and the sandbox posts
// the order's status callback there. The trigger re-reads the order from the sandbox (signed
// request) before it starts the workflow, so forged and unknown callbacks start nothing.
import { randomUUID } from 'node:crypto';

import { momentoCallbackToken } from '../../nodes/Momento/trigger/callback';
import type { MomentoSandbox } from '../sandboxes/momento';
import { describeFailure, nodeOutput } from './lib/n8n-output';
import { sleep } from './lib/processes';
import { providerEnvironment, type ProviderEnvironment } from './lib/setup';
import { waitForFinishedExecutions, waitUntil } from './lib/waits';

const OWNER = {
	email: 'momento-e2e@payments-pack.dev',
	// A throwaway owner of a throwaway n8n.
	password: `Momento-${randomUUID()}-A1`,
	firstName: 'Momento',
	lastName: 'Tester',
};

/** examples/momento-trigger-callback.json: the trigger's webhookId and Secret Token. */
const WEBHOOK_ID = '9c4d2e1f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';

describe('Momento callback trigger in n8n 2.41', () => {
	let env: ProviderEnvironment<MomentoSandbox>;

	beforeAll(async () => {
		env = await providerEnvironment<MomentoSandbox>('momento');
	});

	afterAll(async () => {
		await env?.dispose();
	});

	it('starts the workflow once for a confirmed status callback; repeated, forged, unknown and wrong-token callbacks start nothing', async () => {
		const callbackUrl = `${env.n8n.baseUrl}/webhook/${WEBHOOK_ID}/momento`;
		const withToken = (orderID: string) =>
			`${callbackUrl}?token=${momentoCallbackToken(env.sandbox.secretKey, orderID)}`;
		const post = async (url: string, body: Record<string, unknown>) => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return { status: response.status, body: await response.text() };
		};

		// Orders created by the example report their status changes to the trigger: its Callback URL
		// field (which comes before the credential's default) is the trigger's production URL.
		const deposit = env.example('momento-deposit');
		const workflow = structuredClone(deposit.workflow) as {
			nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
		};
		const createNode = workflow.nodes.find((node) => node.name === 'Create Deposit')!;
		createNode.parameters.callbackUrl = callbackUrl;
		await env.n8n.importWorkflows([workflow as unknown as Record<string, unknown>]);
		const created = await env.n8n.execute(deposit.id);
		if (!created.run || created.code !== 0) throw new Error(describeFailure(created));
		const orderID = String(nodeOutput(created.run, 'Create Deposit')[0].orderID);
		// The Momento node added the order's token to the URL it gave Momento.
		expect(env.sandbox.deposits().map((order) => order.callback_url)).toEqual([withToken(orderID)]);
		expect(JSON.stringify(created.run)).not.toContain(withToken(orderID));

		const trigger = env.example('momento-trigger-callback');
		await env.n8n.start();
		await env.n8n.ensureOwner(OWNER);
		await env.n8n.createApiKey();
		await env.n8n.activate(trigger.id);
		// A wrong token is refused (401) once the webhook is live (deliverWebhook waits out the 404s).
		const wrongToken = await env.n8n.deliverWebhook(`${WEBHOOK_ID}/momento?token=not-the-token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ type: 'deposit', orderID, status: 'completed' }),
		});
		await wrongToken.arrayBuffer();
		expect(wrongToken.status).toBe(401);
		// Activation checked the credential and recorded the production URL in static data.
		const recorded = await waitUntil(async () => {
			const { data } = await env.n8n.rest<{
				staticData?: Record<string, { callbackUrl?: string }>;
			}>('GET', `/api/v1/workflows/${trigger.id}`);
			return data.staticData?.['node:Momento Callback']?.callbackUrl === callbackUrl;
		}, 15_000);
		expect(recorded).toBe(true);

		const delivery = await env.sandbox.setOrderStatus('deposit', orderID, 'completed');
		expect(delivery.responseStatus).toBe(200);
		const executions = await waitForFinishedExecutions(env.n8n, trigger.id, 1, 15_000, {
			includeData: true,
		});
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		const emitted =
			executions[0].data?.resultData.runData['Momento Callback']?.[0]?.data?.main?.[0];
		expect(emitted?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'deposit.status_changed',
				kind: 'deposit',
				orderID,
				status: 'completed',
				confirmed: true,
				order: expect.objectContaining({ orderID, status: 'completed', amount: '500.00' }),
			}),
		]);
		// The confirmation was a signed read of the order at the sandbox.
		expect(env.sandbox.requests.at(-1)).toMatchObject({ method: 'GET', signatureValid: true });

		// Momento delivering the same callback again.
		const again = await env.sandbox.redeliver(delivery);
		expect(again.responseStatus).toBe(200);
		expect(again.responseBody).toContain('duplicate');
		// A forged callback for an order Momento does not have.
		const unknown = await post(withToken('forged-order-0001'), {
			type: 'deposit',
			orderID: 'forged-order-0001',
			status: 'completed',
		});
		expect(unknown.status).toBe(404);
		// A forged status for a real order: the status Momento reports wins (already emitted).
		const forgedStatus = await post(withToken(orderID), {
			type: 'deposit',
			orderID,
			status: 'failed',
		});
		expect(forgedStatus.status).toBe(200);
		expect(forgedStatus.body).toContain('duplicate');
		// Without the token: 401, and Momento is not asked.
		const reads = env.sandbox.requests.length;
		const noToken = await post(callbackUrl, { type: 'deposit', orderID, status: 'completed' });
		expect(noToken.status).toBe(401);
		expect(env.sandbox.requests).toHaveLength(reads);

		await sleep(1500);
		expect(await env.n8n.executions(trigger.id)).toHaveLength(1);
	});
});
