import type { ConductorSandbox } from '../sandboxes/conductor';
import { startFakeOpenAi, type FakeOpenAi } from './lib/fake-openai';
import { describeFailure, N8n } from './lib/n8n';
import { readRuntime } from './lib/runtime';
import { sharedPack } from './lib/setup';
import { loadExamples, provider } from './providers';

describe('spike', () => {
	let n8n: N8n;
	let model: FakeOpenAi;
	let sandbox: ConductorSandbox;
	beforeAll(async () => {
		model = await startFakeOpenAi();
		const conductor = provider('conductor');
		sandbox = (await conductor.startSandbox(0)) as unknown as ConductorSandbox;
		n8n = await N8n.create({
			runtime: readRuntime(),
			pack: sharedPack(),
			label: 'agent',
			extraEnv: { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' },
		});
		await n8n.importCredentials([
			...conductor.credentials(sandbox),
			{ id: 'fakeOpenAiCred01', name: 'Fake chat model (local)', type: 'openAiApi', data: { apiKey: 'sk-fake', url: model.baseUrl } },
		]);
		const examples = loadExamples(undefined, [{ provider: conductor, sandbox }]).filter((e) => e.file.startsWith('agent-'));
		await n8n.importWorkflows(examples.map((e) => e.workflow));
	});
	afterAll(async () => {
		await n8n?.dispose();
		await sandbox?.close();
		await model?.close();
	});
	it('pays', async () => {
		const result = await n8n.execute('agentPayBills001');
		require('fs').writeFileSync('/tmp/w21/spike.json', JSON.stringify({ result, requests: model.requests }, null, 1));
		if (!result.run || result.code !== 0) throw new Error(describeFailure(result));
		expect(sandbox.stats.transactionsCreated).toBe(3);
	});
});
