import { testCredential } from '../../harness/credential-test';
import { startConductorSandbox, type ConductorSandbox } from '../../sandboxes/conductor';

describe('Moment Conductor credential test', () => {
	let sandbox: ConductorSandbox;
	beforeAll(async () => {
		sandbox = await startConductorSandbox();
	});
	afterAll(async () => await sandbox.close());

	it('passes with the right key: it calls the healthcheck at the host root', async () => {
		const outcome = await testCredential('momentConductorApi', {
			secretKey: sandbox.secretKey,
			baseUrl: sandbox.baseUrl,
		});
		expect(outcome).toMatchObject({ status: 'OK', statusCode: 200 });
		expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /healthcheck',
		]);
	});

	it('fails with a wrong key', async () => {
		const outcome = await testCredential('momentConductorApi', {
			secretKey: 'sk_wrong',
			baseUrl: sandbox.baseUrl,
		});
		expect(outcome).toMatchObject({ status: 'Error', statusCode: 401 });
	});
});
