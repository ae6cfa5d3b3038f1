// n8n's Retry of a failed execution and a re-delivered webhook in a real n8n 2.41: a batch of 10
// bill payments arrives through a webhook, the 6th fails after 1-5 were paid, and the execution
// is retried through n8n's REST API (the editor's "Retry with currently saved workflow" and
// "Retry with original workflow"). Default idempotency keys come from the payment instruction
// (the external reference), never from the execution, so the sandbox must hold exactly 10.
import { randomUUID } from 'node:crypto';

import { CONDUCTOR_SEED, type ConductorSandbox } from '../sandboxes/conductor';
import { CONDUCTOR_CREDENTIAL_ID } from './providers';
import { providerEnvironment, type ProviderEnvironment } from './lib/setup';
import { waitForFinishedExecutions, waitUntil } from './lib/waits';

const OWNER = {
	email: 'retry-e2e@payments-pack.dev',
	password: `Retry-${randomUUID()}-A1`,
	firstName: 'Retry',
	lastName: 'Tester',
};

const WORKFLOW_ID = 'cndRetryBatch001';
const WEBHOOK_PATH = 'conductor-invoices';
const BILL = CONDUCTOR_SEED.bills[1];

function batchWorkflow(billExpression: string): Record<string, unknown> {
	return {
		id: WORKFLOW_ID,
		name: 'Conductor: pay a batch of invoices from a webhook',
		active: false,
		settings: { executionOrder: 'v1', saveDataErrorExecution: 'all' },
		nodes: [
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000001',
				name: 'Invoices',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b7e4a2f0-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
				parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived' },
			},
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000002',
				name: 'One Item per Invoice',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.invoices', include: 'noOtherFields' },
			},
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000003',
				name: 'Pay Invoice',
				type: 'n8n-nodes-payments-pack.momentConductor',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'transaction',
					operation: 'create',
					externalReference: '={{ $json.reference }}',
					itemsSource: 'fields',
					// One by one, so exactly items 1-5 are paid before item 6 fails (money-retry.e2e.test.ts
					// covers the default, several in flight).
					batching: { parallelRequests: 1 },
					billItems: {
						bill: [
							{ id: billExpression, amount: BILL.amount.value, currency: BILL.amount.currency },
						],
					},
				},
				credentials: {
					momentConductorApi: { id: CONDUCTOR_CREDENTIAL_ID, name: 'Conductor sandbox' },
				},
			},
		],
		connections: {
			Invoices: { main: [[{ node: 'One Item per Invoice', type: 'main', index: 0 }]] },
			'One Item per Invoice': { main: [[{ node: 'Pay Invoice', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

const invoices = (prefix: string, badSixth = false) =>
	Array.from({ length: 10 }, (_, index) => ({
		reference: `${prefix}-${index + 1}`,
		bill: badSixth && index === 5 ? 'bill_does_not_exist' : BILL.id,
	}));

describe("n8n's Retry of a failed execution and re-delivered webhooks pay each invoice once (n8n 2.41)", () => {
	let env: ProviderEnvironment<ConductorSandbox>;

	const created = (prefix: string) =>
		(env.sandbox.transactions() as Array<{ external_reference?: string }>).filter((t) =>
			String(t.external_reference).startsWith(`${prefix}-`),
		);

	async function deliver(batch: Array<{ reference: string; bill: string }>): Promise<void> {
		const response = await env.n8n.deliverWebhook(WEBHOOK_PATH, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ invoices: batch }),
		});
		await response.arrayBuffer();
		expect(response.status).toBe(200);
	}

	async function failedExecution(count: number): Promise<string> {
		const executions = await waitForFinishedExecutions(env.n8n, WORKFLOW_ID, count, 60_000);
		const failed = executions.find((e) => e.status === 'error' && !e.retryOf);
		if (!failed) throw new Error(`no failed execution among ${JSON.stringify(executions)}`);
		return failed.id;
	}

	async function retry(executionId: string, loadWorkflow: boolean): Promise<void> {
		const { status, data } = await env.n8n.rest('POST', `/rest/executions/${executionId}/retry`, {
			loadWorkflow,
		});
		if (status >= 300) throw new Error(`retry answered ${status}: ${JSON.stringify(data)}`);
		const done = await waitUntil(async () => {
			const executions = await env.n8n.executions(WORKFLOW_ID, { includeData: false });
			const retried = executions.find((e) => e.retryOf === executionId);
			return retried !== undefined && ['success', 'error'].includes(retried.status);
		}, 60_000);
		expect(done).toBe(true);
	}

	beforeAll(async () => {
		env = await providerEnvironment<ConductorSandbox>('conductor');
		await env.n8n.importWorkflows([batchWorkflow('={{ $json.bill }}')]);
		await env.n8n.start();
		await env.n8n.ensureOwner(OWNER);
		await env.n8n.createApiKey();
		await env.n8n.activate(WORKFLOW_ID);
	});

	afterAll(async () => {
		await env?.dispose();
	});

	it('Retry with the currently saved (fixed) workflow after item 6 of 10 failed: 10 transactions', async () => {
		await deliver(invoices('saved', true));
		const failedId = await failedExecution(1);
		expect(created('saved')).toHaveLength(5);

		// The fix: the workflow now maps the unknown bill to the right one.
		const { status } = await env.n8n.rest('PUT', `/api/v1/workflows/${WORKFLOW_ID}`, {
			...batchWorkflow(`={{ $json.bill === 'bill_does_not_exist' ? '${BILL.id}' : $json.bill }}`),
			id: undefined,
			active: undefined,
			pinData: undefined,
		});
		expect(status).toBe(200);
		await retry(failedId, true);
		expect(
			created('saved')
				.map((t) => t.external_reference)
				.sort(),
		).toEqual(
			invoices('saved')
				.map((i) => i.reference)
				.sort(),
		);
	});

	it('Retry with the original workflow after a provider error at item 6 of 10: 10 transactions', async () => {
		// The gateway fails item 6 more often than the transport retries it: the execution fails.
		env.sandbox.injectFault({
			kind: 'status-503',
			method: 'POST',
			path: '/transactions',
			times: 4,
			when: (request) =>
				(request.body as { external_reference?: string }).external_reference === 'original-6',
		});
		await deliver(invoices('original'));
		const failedId = await failedExecution(3);
		expect(created('original')).toHaveLength(5);
		await retry(failedId, false);
		expect(created('original')).toHaveLength(10);
		expect(new Set(created('original').map((t) => t.external_reference)).size).toBe(10);
	});

	it('the same batch delivered twice by the webhook sender: 10 transactions', async () => {
		await deliver(invoices('redelivered'));
		await waitForFinishedExecutions(env.n8n, WORKFLOW_ID, 5, 60_000);
		await deliver(invoices('redelivered'));
		const executions = await waitForFinishedExecutions(env.n8n, WORKFLOW_ID, 6, 60_000);
		expect(executions.slice(0, 2).every((e) => e.status === 'success')).toBe(true);
		expect(created('redelivered')).toHaveLength(10);
	});
});
