// Momento in a real n8n: the example workflows imported with the sandbox credential and run with
// `n8n execute --id`. The sandbox verifies M-Signature over the raw bytes it received, so these
// prove that both our node and n8n's own HTTP Request node (predefined credential) sign correctly.
import type { MomentoSandbox } from '../sandboxes/momento';
import { nodeOutput, type ExecuteResult } from './lib/n8n-output';
import { providerEnvironment, type ProviderEnvironment } from './lib/setup';

function failureOf(result: ExecuteResult): string {
	const error = result.run?.data.resultData.error;
	return `exit ${result.code}; ${error ? JSON.stringify(error).slice(0, 1000) : result.messages.slice(-15).join('\n')}`;
}

describe('Momento in n8n 2.41 (n8n execute)', () => {
	let env: ProviderEnvironment<MomentoSandbox>;

	beforeAll(async () => {
		env = await providerEnvironment<MomentoSandbox>('momento');
	});

	afterAll(async () => {
		await env?.dispose();
	});

	beforeEach(() => env.sandbox.reset());

	it('creates a signed deposit order and reads it back by orderID', async () => {
		const result = await env.n8n.execute(env.example('momento-deposit').id);
		if (!result.run || result.code !== 0) throw new Error(failureOf(result));
		const [created] = nodeOutput(result.run, 'Create Deposit');
		expect(created).toMatchObject({ amount: '500.00', currency: 'DOP', replayed: false });
		const [read] = nodeOutput(result.run, 'Read Deposit');
		expect(read).toMatchObject({ orderID: created.orderID, status: 'pending' });
		expect(env.sandbox.stats.depositsCreated).toBe(1);
		expect(env.sandbox.requests.map((r) => [r.method, r.path, r.signatureValid])).toEqual([
			['POST', '/deposit_orders/', true],
			['GET', '/deposit_orders/', true],
		]);
	});

	it("signs n8n's own HTTP Request node with the predefined momentoApi credential (unicode, nested, numbers)", async () => {
		const result = await env.n8n.execute(env.example('momento-http-request-credential').id);
		if (!result.run || result.code !== 0) throw new Error(failureOf(result));
		const [response] = nodeOutput(result.run, 'Create Deposit (HTTP Request)');
		expect(response).toMatchObject({ amount: '250.75', status: 'pending' });
		const [request] = env.sandbox.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/deposit_orders/',
			signatureValid: true,
		});
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.rawBody.toString('utf8')).toContain('Depósito – café ☕');
		expect(request.body).toMatchObject({ note: { lines: [1, 2.5, -3] } });
	});

	it('reports a wrong secret key as a failed execution without the key in it', async () => {
		const wrong = 'momento_wrong_value_for_e2e';
		await env.n8n.importCredentials(
			env.provider.credentials(env.sandbox).map((credential) => ({
				...credential,
				data: { ...credential.data, secretKey: wrong },
			})),
		);
		try {
			const result = await env.n8n.execute(env.example('momento-deposit').id);
			expect(result.code).not.toBe(0);
			expect(JSON.stringify(result.run?.data.resultData.error)).toMatch(/401/);
			expect(JSON.stringify(result.run ?? {})).not.toContain(wrong);
			expect(env.sandbox.stats.depositsCreated).toBe(0);
			expect(env.sandbox.stats.rejectedSignatures).toBeGreaterThan(0);
		} finally {
			await env.n8n.importCredentials(env.provider.credentials(env.sandbox));
		}
	});
});
