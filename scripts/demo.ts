/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
// `npm run demo` (via scripts/demo.sh, which installs what is missing and builds): starts every
// provider sandbox on its fixed port and a real n8n with the packed package, imports the sandbox
// credentials and examples/*.json, creates the owner account and prints what to open.
// Ctrl+C stops everything it started and removes n8n's temporary user folder.
import * as net from 'node:net';

import { N8n } from '../test/e2e/lib/n8n';
import {
	DEMO_BROKER_PORT,
	DEMO_MODEL_PORT,
	DEMO_OWNER,
	DEMO_PORT,
	DEMO_URL,
} from '../test/e2e/lib/demo-config';
import { fakeModelCredential, startFakeOpenAi, type FakeOpenAi } from '../test/e2e/lib/fake-openai';
import { disposePack, packPackage } from '../test/e2e/lib/pack';
import { allNodesWorkflow, packNodes } from '../test/e2e/lib/pack-nodes';
import { readRuntime } from '../test/e2e/lib/runtime';
import { loadExamples } from '../test/e2e/providers';
import {
	describeSandboxes,
	startAllSandboxes,
	stopAllSandboxes,
	type StartedSandbox,
} from '../test/sandboxes/run';

async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const server = net.createServer();
		server.once('error', () =>
			reject(new Error(`port ${port} (${what}) is in use: stop what uses it, or set ${variable}`)),
		);
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
	const t0 = Date.now();
	const runtime = readRuntime();
	const pack = packPackage();
	console.log(`[demo] packed ${pack.name}@${pack.version}`);

	let sandboxes: StartedSandbox[] = [];
	let n8n: N8n | undefined;
	let model: FakeOpenAi | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\n[demo] stopping n8n and the sandboxes...');
		await n8n?.dispose();
		await stopAllSandboxes(sandboxes);
		await model?.close();
		disposePack(pack);
		console.log('[demo] stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	process.on('SIGHUP', () => void stop(0));

	try {
		await assertPortFree(DEMO_PORT, 'n8n editor', 'PAYMENTS_PACK_DEMO_PORT');
		await assertPortFree(DEMO_BROKER_PORT, 'n8n task broker', 'PAYMENTS_PACK_DEMO_BROKER_PORT');
		await assertPortFree(DEMO_MODEL_PORT, 'fake chat model', 'PAYMENTS_PACK_DEMO_MODEL_PORT');
		sandboxes = await startAllSandboxes();
		// the scripted chat model of the agent examples; it stops by itself after 8 idle hours
		model = await startFakeOpenAi({
			port: DEMO_MODEL_PORT,
			maxRequests: 5000,
			idleMs: 8 * 3600_000,
		});
		n8n = await N8n.create({
			runtime,
			pack,
			port: DEMO_PORT,
			brokerPort: DEMO_BROKER_PORT,
			label: 'demo',
			// the pack's action nodes as AI Agent tools (examples/agent-*.json)
			extraEnv: { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' },
			onLog: (line) => {
				if (/error/i.test(line) && !/Editor is now accessible/.test(line))
					console.log(`[n8n] ${line}`);
			},
		});
		const credentials = sandboxes.flatMap(({ provider, sandbox }) => provider.credentials(sandbox));
		await n8n.importCredentials([...credentials, fakeModelCredential(model)]);
		const examples = loadExamples(undefined, sandboxes);
		const allNodes = allNodesWorkflow(await packNodes(), undefined, credentials);
		await n8n.importWorkflows([...examples.map((example) => example.workflow), allNodes]);
		console.log(
			`[demo] imported ${examples.length} example workflow(s); starting n8n ${runtime.n8nVersion}...`,
		);
		await n8n.start();
		await n8n.ensureOwner(DEMO_OWNER);
		// examples saved with "active": true (trigger workflows) are published, so their webhooks are live
		const toActivate = examples.filter((example) => example.workflow.active === true);
		if (toActivate.length > 0) {
			await n8n.createApiKey('payments-pack-demo');
			for (const example of toActivate) await n8n.activate(example.id);
		}

		const lines = [
			'',
			'================================================================================',
			` Payments pack demo is running (ready in ${seconds(t0)})`,
			'',
			` n8n editor:  ${DEMO_URL}/`,
			` sign in:     ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
			'',
			' Provider sandboxes (fake providers on 127.0.0.1; credentials already imported):',
			...describeSandboxes(sandboxes),
			`  ${'Fake chat model'.padEnd(18)} ${model.baseUrl} (scripted OpenAI-compatible model for the AI Agent examples)`,
			'',
			' Example workflows (Overview page):',
			...examples.flatMap((e) => [
				`   ${e.name}${e.workflow.active === true ? ' (published: its webhook is live)' : ''}`,
				`      ${DEMO_URL}/workflow/${e.id}`,
			]),
			`   ${String(allNodes.name)}`,
			`      ${DEMO_URL}/workflow/${String(allNodes.id)}`,
			'',
			' What to click: sign in, open an example workflow, press "Execute workflow",',
			' then click a node to see what it sent and received. Add a node with "+" and',
			' search for the provider (e.g. "Conductor") to see every resource and operation.',
			'',
			` n8n user folder (removed on exit): ${n8n.userFolder}`,
			' Press Ctrl+C to stop everything.',
			'================================================================================',
		];
		console.log(lines.join('\n'));
	} catch (error) {
		console.error(`[demo] failed: ${(error as Error).message}`);
		await stop(1);
	}
}

void main();
