// The real-n8n layer covers every provider the pack has: each action node appears in an example
// workflow (examples/<provider>-*.json, imported by the demo and run by that provider's e2e test),
// and each credential type of the pack has a sandbox credential in test/e2e/providers.ts.
import { packCredentialTypes, packNodes } from './lib/pack-nodes';
import { PROVIDERS, loadExamples } from './providers';

describe('real-n8n coverage of the pack', () => {
	it('has an example workflow for every action node', async () => {
		const examples = loadExamples();
		const uncovered = (await packNodes())
			.filter((node) => !node.isTrigger)
			.filter(
				(node) =>
					!examples.some((e) => JSON.stringify(e.workflow.nodes).includes(`"${node.type}"`)),
			)
			.map((node) => node.displayName);
		expect(uncovered).toEqual([]);
	});

	it('has a sandbox credential for every credential type', async () => {
		const imported = new Set<string>();
		for (const provider of PROVIDERS) {
			const sandbox = await provider.startSandbox(0);
			try {
				for (const credential of provider.credentials(sandbox)) imported.add(credential.type);
			} finally {
				await sandbox.close();
			}
		}
		const missing = (await packCredentialTypes()).filter((type) => !imported.has(type));
		expect(missing).toEqual([]);
	});
});
