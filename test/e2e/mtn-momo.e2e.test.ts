// MTN MoMo in a real n8n: the example workflows run with `n8n execute --id` (the token comes from
// the credential's preAuthentication and is stored with the credential), then the callback trigger
// is activated on a running n8n and receives callbacks by PUT.
import { randomUUID } from 'node:crypto';

import { momoCallbackToken } from '../../nodes/MtnMomo/trigger/callback';
import type { MomoSandbox } from '../sandboxes/mtn-momo';
import { describeFailure, nodeOutput } from './lib/n8n-output';
import { sleep } from './lib/processes';
import { providerEnvironment, type ProviderEnvironment } from './lib/setup';
import { waitForFinishedExecutions } from './lib/waits';

/** The trigger's webhook id in examples/momo-callback-trigger.json. */
const WEBHOOK_ID = '6a1f0c7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';

const OWNER = {
	email: 'momo-e2e@payments-pack.dev',
	// A throwaway owner of a throwaway n8n.
	password: `Momo-${randomUUID()}-A1`,
	firstName: 'Momo',
	lastName: 'Tester',
};

describe('MTN MoMo in n8n 2.41', () => {
	let env: ProviderEnvironment<MomoSandbox>;

	beforeAll(async () => {
		env = await providerEnvironment<MomoSandbox>('momo');
	});

	afterAll(async () => {
		await env?.dispose();
	});

	it('requests a payment, waits for SUCCESSFUL, and fetches one token for two executions', async () => {
		const example = env.example('momo-request-to-pay');
		const first = await env.n8n.execute(example.id);
		if (!first.run || first.code !== 0) throw new Error(describeFailure(first));
		expect(nodeOutput(first.run, 'Check Payer')[0]).toMatchObject({
			active: true,
			accountHolderId: '46733123459',
		});
		const [paid] = nodeOutput(first.run, 'Request Payment');
		expect(paid).toMatchObject({
			status: 'SUCCESSFUL',
			amount: '25.50',
			currency: 'EUR',
			timedOut: false,
			alreadyRequested: false,
		});
		expect(nodeOutput(first.run, 'Collection Balance')[0]).toMatchObject({ currency: 'EUR' });

		// Run again: the same External ID is the same payment, found by its reference, not charged twice.
		const second = await env.n8n.execute(example.id);
		if (!second.run || second.code !== 0) throw new Error(describeFailure(second));
		expect(env.sandbox.stats.requestsToPay).toBe(1);
		expect(nodeOutput(second.run, 'Request Payment')[0]).toMatchObject({
			referenceId: paid.referenceId,
			status: 'SUCCESSFUL',
		});
		// The token stored with the credential by the first execution serves the second one.
		expect(env.sandbox.stats.tokenRequests.collection).toBe(1);
		const everything = JSON.stringify([first.run, second.run]);
		expect(everything).not.toContain(env.sandbox.apiKey);
		expect(everything).not.toContain(env.sandbox.subscriptionKeys.collection);
	});

	it('the callback trigger confirms a callback by PUT and starts the workflow once', async () => {
		env.sandbox.reset();
		const pay = await env.n8n.execute(env.example('momo-request-to-pay').id);
		if (!pay.run || pay.code !== 0) throw new Error(describeFailure(pay));
		const referenceId = String(nodeOutput(pay.run, 'Request Payment')[0].referenceId);

		const trigger = env.example('momo-callback-trigger');
		await env.n8n.start();
		await env.n8n.ensureOwner(OWNER);
		await env.n8n.createApiKey();
		await env.n8n.activate(trigger.id);
		const token = momoCallbackToken(env.sandbox.apiKey, 'collection', referenceId);
		const path = `6a1f0c7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b/callback?referenceId=${referenceId}&product=collection&token=${token}`;
		const deliver = async () => {
			const response = await env.n8n.deliverWebhook(path, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ status: 'SUCCESSFUL', amount: '25.50', currency: 'EUR' }),
			});
			await response.arrayBuffer();
			return response.status;
		};
		expect(await deliver()).toBe(200);
		const executions = await waitForFinishedExecutions(env.n8n, trigger.id, 1, 15_000, {
			includeData: true,
		});
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		const [emitted] = (executions[0].data?.resultData.runData['MoMo Callback']?.[0]?.data
			?.main?.[0] ?? []) as Array<{ json: Record<string, unknown> }>;
		expect(emitted?.json).toMatchObject({ referenceId, status: 'SUCCESSFUL', confirmed: true });

		expect(await deliver()).toBe(200);
		await sleep(1500);
		expect(await env.n8n.executions(trigger.id)).toHaveLength(1);

		// The webhook is live by now: a 404 is the trigger's answer, not n8n's "not registered yet".
		const unknownReference = '3f4b5c2e-8a1d-4c6e-9b7f-000000000000';
		const unknownToken = momoCallbackToken(env.sandbox.apiKey, 'collection', unknownReference);
		const unknown = await fetch(
			`${env.n8n.baseUrl}/webhook/6a1f0c7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b/callback?referenceId=${unknownReference}&token=${unknownToken}`,
			{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
		);
		await unknown.arrayBuffer();
		expect(unknown.status).toBe(404);
		// Without the token: 401 before anything else (MoMo is not asked), nothing started.
		const requestsBefore = env.sandbox.requests.length;
		const forged = await fetch(
			`${env.n8n.baseUrl}/webhook/6a1f0c7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b/callback?referenceId=${referenceId}`,
			{
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ status: 'SUCCESSFUL' }),
			},
		);
		await forged.arrayBuffer();
		expect(forged.status).toBe(401);
		expect(env.sandbox.requests).toHaveLength(requestsBefore);
		expect(await env.n8n.executions(trigger.id)).toHaveLength(1);
	});

	it('a callback from a MoMo that drops the query string still starts the trigger: reference and token travel in the path', async () => {
		env.sandbox.reset();
		env.sandbox.setCallbackQuery('drop');
		// `n8n execute` runs while the server is stopped; MoMo calls back once n8n serves again.
		env.sandbox.holdCallbacks(true);
		if (env.n8n.running) await env.n8n.stop();
		const example = env.example('momo-request-to-pay');
		const workflow = structuredClone(example.workflow) as {
			id: string;
			name: string;
			nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
		};
		workflow.id = 'momoDropQuery01';
		workflow.name = 'MTN MoMo: request a payment whose callback URL loses its query';
		const payNode = workflow.nodes.find((node) => node.name === 'Request Payment')!;
		payNode.parameters.externalId = `drop-query-${randomUUID()}`;
		payNode.parameters.additionalFields = {
			...(payNode.parameters.additionalFields as Record<string, unknown>),
			callbackUrl: `${env.n8n.baseUrl}/webhook/${WEBHOOK_ID}/callback`,
		};
		// A second MoMo trigger (disbursements) beside the first: each must own its path-form webhook.
		const trigger = env.example('momo-callback-trigger');
		const disbursements = structuredClone(trigger.workflow) as {
			id: string;
			name: string;
			nodes: Array<{ webhookId?: string; parameters: Record<string, unknown> }>;
		};
		disbursements.id = 'momoCallbackDisb1';
		disbursements.name = 'MTN MoMo: disbursement callbacks';
		disbursements.nodes[0].webhookId = '6a1f0c7e-2b3d-4e5f-8a9b-0c1d2e3f4a5c';
		disbursements.nodes[0].parameters.product = 'disbursement';
		await env.n8n.importWorkflows(
			[workflow, disbursements].map((entry) => entry as unknown as Record<string, unknown>),
		);
		const pay = await env.n8n.execute(workflow.id);
		if (!pay.run || pay.code !== 0) throw new Error(describeFailure(pay));
		const referenceId = String(nodeOutput(pay.run, 'Request Payment')[0].referenceId);
		const sent = env.sandbox.requests.find((r) => r.path === '/collection/v1_0/requesttopay');
		expect(new URL(String(sent?.headers['x-callback-url'])).search).toBe('');

		await env.n8n.start();
		await env.n8n.ensureOwner(OWNER);
		await env.n8n.createApiKey(`e2e-drop-query-${Date.now()}`);
		await env.n8n.activate(trigger.id);
		await env.n8n.activate(disbursements.id);
		// Live once a request without a token is refused (401) rather than unknown to n8n (404).
		const probe = await env.n8n.deliverWebhook(`${WEBHOOK_ID}/callback`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		await probe.arrayBuffer();
		expect(probe.status).toBe(401);
		const before = (await env.n8n.executions(trigger.id)).length;

		env.sandbox.holdCallbacks(false);
		await env.sandbox.flushCallbacks();
		const [callback] = env.sandbox.callbacks;
		expect(new URL(callback.url).search).toBe('');
		expect(callback.statusCode).toBe(200);
		const executions = await waitForFinishedExecutions(env.n8n, trigger.id, before + 1, 15_000, {
			includeData: true,
		});
		const [emitted] = (executions[0].data?.resultData.runData['MoMo Callback']?.[0]?.data
			?.main?.[0] ?? []) as Array<{ json: Record<string, unknown> }>;
		expect(emitted?.json).toMatchObject({ referenceId, status: 'SUCCESSFUL', confirmed: true });
	});
});
