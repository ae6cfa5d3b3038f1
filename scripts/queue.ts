/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
// `npm run queue` (via scripts/queue.sh, which installs what is missing and builds): the pack in n8n
// queue mode on this machine, to look at and to load by hand. Private PostgreSQL and Redis, one main
// process, one webhook process, PAYMENTS_PACK_QUEUE_WORKERS workers (default 2), the provider
// sandboxes, their credentials, the example workflows and three batch workflows behind production
// webhooks. Ctrl+C stops everything and removes every temporary folder.
import { DEMO_OWNER } from '../test/e2e/lib/demo-config';
import { disposePack, packPackage } from '../test/e2e/lib/pack';
import { QueueCluster } from '../test/e2e/lib/queue-cluster';
import { readRuntime } from '../test/e2e/lib/runtime';
import { loadExamples } from '../test/e2e/providers';
import {
	describeSandboxes,
	startAllSandboxes,
	stopAllSandboxes,
	type StartedSandbox,
} from '../test/sandboxes/run';
import { BATCH_PATHS, BATCH_WORKFLOW_IDS, batchWorkflows } from '../test/queue/workflows';

const MAIN_PORT = Number(process.env.PAYMENTS_PACK_QUEUE_PORT || 5690);
const WEBHOOK_PORT = Number(process.env.PAYMENTS_PACK_QUEUE_WEBHOOK_PORT || MAIN_PORT + 1);
const WORKERS = Number(process.env.PAYMENTS_PACK_QUEUE_WORKERS || 2);

async function main(): Promise<void> {
	const t0 = Date.now();
	const pack = packPackage();
	let sandboxes: StartedSandbox[] = [];
	let cluster: QueueCluster | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\n[queue] stopping n8n, Redis, PostgreSQL and the sandboxes...');
		await cluster?.dispose();
		await stopAllSandboxes(sandboxes);
		disposePack(pack);
		console.log('[queue] stopped.');
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.on(signal, () => void stop(0));

	try {
		if (!Number.isInteger(WORKERS) || WORKERS < 1)
			throw new Error('PAYMENTS_PACK_QUEUE_WORKERS must be a whole number >= 1');
		sandboxes = await startAllSandboxes({ ephemeral: true });
		const examples = loadExamples(undefined, sandboxes);
		cluster = await QueueCluster.start(
			{
				runtime: readRuntime(),
				pack,
				workers: WORKERS,
				mainPort: MAIN_PORT,
				webhookPort: WEBHOOK_PORT,
				label: 'queue-demo',
				onLog: (name, line) => {
					if (/\berror\b/i.test(line)) console.log(`[${name}] ${line}`);
				},
			},
			{
				credentials: sandboxes.flatMap(({ provider, sandbox }) => provider.credentials(sandbox)),
				workflows: [...batchWorkflows(), ...examples.map((example) => example.workflow)],
			},
		);
		await cluster.signIn(DEMO_OWNER);
		for (const id of Object.values(BATCH_WORKFLOW_IDS)) await cluster.main.activate(id);
		for (const example of examples.filter((e) => e.workflow.active === true))
			await cluster.main.activate(example.id);

		const hook = (path: string) => `${cluster!.webhook.baseUrl}/webhook/${path}`;
		console.log(
			[
				'',
				'================================================================================',
				` n8n in queue mode with the payments pack (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
				'',
				` editor (main process): ${cluster.main.baseUrl}/   sign in: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
				` webhook process:       ${cluster.webhook.baseUrl}/webhook/...`,
				` workers:               ${cluster.workers.length} (n8n worker, concurrency 10 each)`,
				` PostgreSQL 127.0.0.1:${cluster.postgres.port} (user n8n, database n8n), Redis 127.0.0.1:${cluster.redis.port}`,
				'',
				' Provider sandboxes:',
				...describeSandboxes(sandboxes),
				'',
				' Send a batch (one execution, one item per payment, run by a worker):',
				`   curl -s -X POST ${hook(BATCH_PATHS.conductor)} -H 'content-type: application/json' \\`,
				`        -d '{"payments":[{"reference":"r-1"},{"reference":"r-2"}]}'`,
				`   curl -s -X POST ${hook(BATCH_PATHS.momo)} -H 'content-type: application/json' \\`,
				`        -d '{"payments":[{"orderId":"o-1","amount":"5.00"}]}'`,
				`   (${BATCH_PATHS.conductorByReference}: the same with idempotency keys from the references)`,
				'',
				' Press Ctrl+C to stop everything.',
				'================================================================================',
			].join('\n'),
		);
	} catch (error) {
		console.error(`[queue] failed: ${(error as Error).message}`);
		await stop(1);
	}
}

void main();
