import { momentoCallbackToken } from '../../../nodes/Momento/trigger/callback';
import { runWebhook } from '../../harness/run-trigger';
import { credentialSecrets, expectNoSecrets, runText } from '../../harness/secrets';
import {
	CREDENTIAL_ID,
	depositParameters,
	momentoCredential,
	momentoNode,
	useMomentoSandbox,
} from './momento.fixture';

const CALLBACK = 'https://n8n.example.com/webhook/momento';

describe('Momento: no secret (key, callback token) in outputs, errors, Validate Only or the trigger', () => {
	const { sandbox, run } = useMomentoSandbox();

	it('a deposit, its Validate Only, the order list, an API error and the trigger output', async () => {
		const orderID = 'SWEEP-1';
		const secrets = [
			...credentialSecrets([momentoCredential(sandbox())]),
			{ name: 'callback token', value: momentoCallbackToken(sandbox().secretKey, orderID) },
		];
		const options = { orderId: orderID, callbackUrl: CALLBACK };
		const runs = [
			await run({
				nodes: [momentoNode('Dry', depositParameters({ options, safety: { validateOnly: true } }))],
			}),
			await run({ nodes: [momentoNode('Deposit', depositParameters({ options }))] }),
			await run({
				nodes: [
					momentoNode('List', { resource: 'deposit', operation: 'getMany', returnAll: true }),
				],
			}),
			await run({
				nodes: [
					momentoNode('Again', depositParameters({ options: { ...options }, amount: '999.00' }), {
						continueOnFail: true,
					}),
				],
			}),
		];
		expect(runs.map((result) => Boolean(result.error))).toEqual([false, false, false, false]);
		// The token did reach Momento (so the sweep looks for a value that exists).
		expect(sandbox().deposits()[0].callback_url).toContain(secrets.at(-1)!.value);
		for (const [index, result] of runs.entries()) {
			expectNoSecrets(runText(result), secrets, `run ${index}`);
		}

		const outcome = await runWebhook({
			node: {
				name: 'Trigger',
				type: 'momentoTrigger',
				parameters: { events: ['depositStatusChanged'], confirm: true },
				credentials: { momentoApi: CREDENTIAL_ID },
			},
			credentials: [momentoCredential(sandbox())],
			request: {
				method: 'POST',
				query: { token: secrets.at(-1)!.value },
				body: { type: 'deposit', orderID, status: 'pending' },
			},
		});
		expect(outcome.emitted?.[0]).toHaveLength(1);
		expectNoSecrets(JSON.stringify(outcome.emitted), secrets, 'trigger output');
	});
});
