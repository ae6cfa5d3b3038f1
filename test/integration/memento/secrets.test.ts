import { credentialSecrets, expectNoSecrets, runText } from '../../harness/secrets';
import {
	mementoCredential,
	mementoNode,
	payParameters,
	useMementoSandbox,
} from './memento.fixture';

describe('Memento Payments: no secret (token, session, PIN) in outputs, errors or Validate Only', () => {
	const { sandbox, run } = useMementoSandbox();

	it('a payment, its Validate Only, a provider error, a wrong PIN and a list', async () => {
		const runs = [
			await run({
				nodes: [mementoNode('Dry', payParameters({ safety: { validateOnly: true } }))],
			}),
			await run({ nodes: [mementoNode('Pay', payParameters())], keepSession: true }),
			await run({
				nodes: [
					mementoNode(
						'Get',
						{
							resource: 'payment',
							operation: 'get',
							paymentUuid: '00000000-0000-4000-8000-000000000000',
						},
						{ continueOnFail: true },
					),
				],
			}),
			await run({
				nodes: [mementoNode('Pay', payParameters(), { continueOnFail: true })],
				credentialOverrides: { pin: '9876' },
			}),
			await run({
				nodes: [
					mementoNode('List', { resource: 'payment', operation: 'getMany', returnAll: true }),
				],
			}),
		];
		expect(runs.map((result) => result.error?.message)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
		]);
		const secrets = [
			...credentialSecrets([mementoCredential(sandbox())]),
			{ name: 'wrong PIN', value: '9876' },
			...[...sandbox().auth.sessions.keys()].map((token) => ({
				name: 'session token',
				value: token,
			})),
		];
		expect(secrets.some(({ name }) => name === 'session token')).toBe(true);
		for (const [index, result] of runs.entries()) {
			expectNoSecrets(runText(result), secrets, `run ${index}`);
		}
	});
});
