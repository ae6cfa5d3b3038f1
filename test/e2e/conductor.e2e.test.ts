// Moment Conductor in a real n8n: the example workflows imported with the sandbox credential and
// run with `n8n execute --id`, exactly as the demo imports them.
import type { ConductorSandbox } from '../sandboxes/conductor';
import { describeFailure, nodeOutput } from './lib/n8n-output';
import { providerEnvironment, type ProviderEnvironment } from './lib/setup';

describe('Moment Conductor in n8n 2.41 (n8n execute)', () => {
	let env: ProviderEnvironment<ConductorSandbox>;

	beforeAll(async () => {
		env = await providerEnvironment<ConductorSandbox>('conductor');
	});

	afterAll(async () => {
		await env?.dispose();
	});

	beforeEach(() => env.sandbox.reset());

	it('pays a looked-up bill in one composite call (create with complete=true)', async () => {
		const example = env.example('conductor-pay-bill');
		const result = await env.n8n.execute(example.id);

		if (!result.run || result.code !== 0) throw new Error(describeFailure(result));
		expect(result.run.status).toBe('success');

		const [account] = nodeOutput(result.run, 'Look Up Account');
		expect(account).toMatchObject({ external_id: '8604275423086' });

		const paid = nodeOutput(result.run, 'Pay Bills');
		expect(paid).toHaveLength(1);
		expect(paid[0]).toMatchObject({
			status: 'COMPLETED',
			items: [expect.objectContaining({ id: 'bill_651574c0d016708b8b37b8ab' })],
		});
		// The reference comes from the account and its bills: running it again finds this payment.
		expect(String(paid[0].external_reference)).toMatch(/^bill-8604275423086-bill_/);

		expect(env.sandbox.stats.transactionsCreated).toBe(1);
		expect(env.sandbox.transactions()).toHaveLength(1);
		const creates = env.sandbox.requests.filter(
			(r) => r.method === 'POST' && r.path.endsWith('/transactions'),
		);
		expect(creates).toHaveLength(1);
		expect(creates[0].headers['idempotency-key']).toBeTruthy();
		expect(creates[0].headers['retailer-id']).toBe('RETAILER-001');
		expect(creates[0].body).toMatchObject({ complete: true, payment_method: 'CASH' });
	});

	it("authenticates n8n's own HTTP Request node with the predefined momentConductorApi credential", async () => {
		const example = env.example('conductor-http-request-credential');
		const result = await env.n8n.execute(example.id);

		if (!result.run || result.code !== 0) throw new Error(describeFailure(result));
		expect(result.run.status).toBe('success');
		const [response] = nodeOutput(result.run, 'Get Catalog');
		expect(response).toBeDefined();

		const calls = env.sandbox.requests.filter(
			(r) => r.method === 'GET' && r.path.endsWith('/catalogs'),
		);
		expect(calls).toHaveLength(1);
		expect(calls[0].headers.authorization).toBe(`Bearer ${env.sandbox.secretKey}`);
	});

	it('stops Loop Over Items (batch size 1) at the spending limit: 5 of 20 invoices paid', async () => {
		const result = await env.n8n.execute(env.example('conductor-spending-limit').id);

		expect(result.code).not.toBe(0);
		expect(result.run?.data.resultData.error).toMatchObject({
			name: 'NodeOperationError',
			message:
				'Spending limit reached: Maximum Money Moves per Execution is 5; 5 already sent in this execution [item 0]',
		});
		expect(env.sandbox.stats.transactionsCreated).toBe(5);
		const creates = env.sandbox.requests.filter(
			(r) => r.method === 'POST' && r.path.endsWith('/transactions'),
		);
		expect(creates).toHaveLength(5);
		// Every pass of the loop is a new run of the node: five different idempotency keys.
		expect(new Set(creates.map((r) => r.headers['idempotency-key'])).size).toBe(5);
	});

	it('reports a provider error as a failed execution (wrong secret key)', async () => {
		await env.n8n.importCredentials(
			env.provider.credentials(env.sandbox).map((credential) => ({
				...credential,
				data: { ...credential.data, secretKey: 'sk_test_wrong_key' },
			})),
		);
		try {
			const result = await env.n8n.execute(env.example('conductor-pay-bill').id);
			expect(result.code).not.toBe(0);
			expect(result.run?.data.resultData.error).toMatchObject({
				name: 'NodeApiError',
				httpCode: '401',
				message: expect.stringContaining('401'),
				description: expect.stringContaining('Secret Key'),
			});
			expect(JSON.stringify(result.run?.data.resultData.error)).not.toContain('sk_test_wrong_key');
			expect(env.sandbox.stats.transactionsCreated).toBe(0);
		} finally {
			await env.n8n.importCredentials(env.provider.credentials(env.sandbox));
		}
	});
});
