import { credentialSecrets, expectNoSecrets, runText } from '../../harness/secrets';
import {
	CREDENTIAL_ID,
	moneriumNode,
	placeParameters as place,
	useMoneriumSandbox,
} from './monerium.fixture';

describe('Monerium: no secret (client secret, access token) in outputs, errors or Validate Only', () => {
	const { run, helperFor } = useMoneriumSandbox();

	it('an order, its Validate Only, a provider error and a refused client', async () => {
		const helper = helperFor();
		const runs = [
			await run({ nodes: [moneriumNode('Place', place())], credentialsHelper: helper }),
			await run({
				nodes: [moneriumNode('Dry', place({ safety: { validateOnly: true } }))],
				credentialsHelper: helper,
			}),
			await run({
				nodes: [
					moneriumNode(
						'Get',
						{ resource: 'order', operation: 'get', orderId: 'no-such-order' },
						{ continueOnFail: true },
					),
				],
				credentialsHelper: helper,
			}),
		];
		expect(runs.map((result) => result.error?.message)).toEqual([undefined, undefined, undefined]);
		const secrets = credentialSecrets([helper.stored(CREDENTIAL_ID)!]);
		// The access token is there (so the sweep looks for a token that exists).
		expect(secrets.map(({ name }) => name)).toContain('moneriumOAuth2Api.oauthTokenData(inner)');
		for (const [index, result] of runs.entries()) {
			expectNoSecrets(runText(result), secrets, `run ${index}`);
		}
	});
});
