import { credentialSecrets, expectNoSecrets, runText } from '../../harness/secrets';
import {
	conductorCredential,
	conductorNode,
	createTransactionParameters,
	useConductorSandbox,
} from './conductor.fixture';

describe('Moment Conductor: no credential secret in outputs, errors or Validate Only', () => {
	const { sandbox, run } = useConductorSandbox();
	const secrets = () => credentialSecrets([conductorCredential(sandbox())]);

	it('a paid transaction, a Validate Only run, a provider error and a refused key', async () => {
		const runs = [
			await run({
				items: [{ reference: 'sweep-1' }],
				nodes: [conductorNode('Create', createTransactionParameters())],
			}),
			await run({
				items: [{ reference: 'sweep-2' }],
				nodes: [
					conductorNode('Create', createTransactionParameters({ safety: { validateOnly: true } })),
				],
			}),
			await run({
				nodes: [
					conductorNode(
						'Get',
						{ resource: 'transaction', operation: 'get', transactionId: 'no-such-transaction' },
						{ continueOnFail: true },
					),
				],
			}),
			await run({
				nodes: [conductorNode('Get', { resource: 'order', operation: 'get', orderId: 'x' })],
				credentialOverrides: { secretKey: `${sandbox().secretKey}-revoked` },
			}),
		];
		expect(runs.map((result) => Boolean(result.error))).toEqual([false, false, false, true]);
		for (const [index, result] of runs.entries()) {
			expectNoSecrets(runText(result), secrets(), `run ${index}`);
		}
	});
});
