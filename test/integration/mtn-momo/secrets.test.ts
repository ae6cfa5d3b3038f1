import { momoCallbackToken } from '../../../nodes/MtnMomo/trigger/callback';
import { newCredentialsHelper } from '../../harness/run-workflow';
import { runWebhook } from '../../harness/run-trigger';
import {
	credentialSecrets,
	expectNoSecrets,
	runText,
	type NamedSecret,
} from '../../harness/secrets';
import {
	CREDENTIAL_ID,
	momoCredential,
	momoNode,
	requestToPayParameters,
	useMomoSandbox,
} from './momo.fixture';

const CALLBACK = 'http://127.0.0.1:5678/webhook/momo/callback';

describe('MTN MoMo: no secret (keys, Basic form, access token, callback token) in outputs, errors, Validate Only or the trigger', () => {
	const { sandbox, run } = useMomoSandbox();

	it('a payment, its Validate Only, a refused token, a provider error and the trigger output', async () => {
		const helper = newCredentialsHelper([momoCredential(sandbox())]);
		const pay = requestToPayParameters({ additionalFields: { callbackUrl: CALLBACK } });
		const runs = [
			await run({
				items: [{ externalId: 'sweep-0' }],
				nodes: [momoNode('Dry', { ...pay, safety: { validateOnly: true } })],
				credentialsHelper: helper,
			}),
			await run({
				items: [{ externalId: 'sweep-1' }],
				nodes: [momoNode('Pay', pay)],
				credentialsHelper: helper,
			}),
			await run({
				nodes: [
					momoNode(
						'Status',
						{
							resource: 'collection',
							operation: 'getStatus',
							referenceId: '3f4b5c2e-8a1d-4c6e-9b7f-000000000000',
						},
						{ continueOnFail: true },
					),
				],
				credentialsHelper: helper,
			}),
		];
		const refused = await run({
			items: [{ externalId: 'sweep-2' }],
			nodes: [momoNode('Pay', pay)],
			credentialOverrides: { apiUser: '3f4b5c2e-8a1d-4c6e-9b7f-00000000dead' },
		});
		expect(refused.error).toBeDefined();
		expect(runs.map((result) => result.error?.message)).toEqual([undefined, undefined, undefined]);
		const referenceId = String(runs[1].json('Pay')[0].referenceId);
		const stored = helper.stored(CREDENTIAL_ID)!;
		const secrets: NamedSecret[] = [
			...credentialSecrets([stored]),
			{
				name: 'callback token',
				value: momoCallbackToken(sandbox().apiKey, 'collection', referenceId),
			},
		];
		// The session tokens are there (so the sweep looks for tokens that exist).
		expect(secrets.some(({ name }) => name === 'mtnMomoApi.sessionTokens(inner)')).toBe(true);
		expect(secrets.some(({ name }) => name.includes('Basic'))).toBe(true);
		for (const [index, result] of [...runs, refused].entries()) {
			expectNoSecrets(runText(result), secrets, `run ${index}`);
		}

		const outcome = await runWebhook({
			node: {
				name: 'Trigger',
				type: 'mtnMomoTrigger',
				parameters: { emit: 'all' },
				credentials: { mtnMomoApi: CREDENTIAL_ID },
			},
			credentials: [stored],
			request: {
				method: 'PUT',
				query: { referenceId, product: 'collection', token: secrets.at(-1)!.value },
				body: { status: 'SUCCESSFUL' },
			},
		});
		expect(outcome.emitted?.[0]).toHaveLength(1);
		expectNoSecrets(JSON.stringify(outcome.emitted), secrets, 'trigger output');
	});
});
