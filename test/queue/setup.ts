/* eslint-disable no-console */
// What the queue-mode scenarios start from (queue-mode.queue.test.ts): the provider sandboxes in
// this process and a queue cluster (PostgreSQL, Redis, a main process, a webhook process and
// workers, each process with its own user folder: test/e2e/lib/queue-cluster.ts) with the batch
// workflows imported and active and the trigger examples imported. Every money move goes to a
// provider sandbox over real HTTP; the sandboxes count what was paid.
import { randomUUID } from 'node:crypto';

import { QueueCluster } from '../e2e/lib/queue-cluster';
import { readRuntime } from '../e2e/lib/runtime';
import { sharedPack } from '../e2e/lib/setup';
import { loadExamples } from '../e2e/providers';
import type { ConductorSandbox } from '../sandboxes/conductor';
import type { MomoSandbox } from '../sandboxes/mtn-momo';
import { startAllSandboxes, stopAllSandboxes, type StartedSandbox } from '../sandboxes/run';
import { queueScale } from './lib';
import { BATCH_WORKFLOW_IDS, batchWorkflows } from './workflows';

export const OWNER = {
	email: 'queue@payments-pack.dev',
	// A throwaway owner of a throwaway n8n.
	password: `Queue-${randomUUID()}-A1`,
	firstName: 'Queue',
	lastName: 'Tester',
};

/** The examples whose triggers run in queue mode (scenarios/triggers.ts). */
const TRIGGER_EXAMPLES = [
	'monerium-profile-trigger',
	'momo-callback-trigger',
	'memento-new-payment-trigger',
];

export interface QueueSuite {
	/** the running cluster (from beforeAll on) */
	readonly cluster: QueueCluster;
	sandbox<S>(id: string): S;
	conductor(): ConductorSandbox;
	momo(): MomoSandbox;
}

/**
 * Registers the describe block's beforeAll (start the sandboxes and the cluster at the scale of
 * queueScale(), sign in, activate the batch workflows) and afterAll (stop them all).
 */
export function useQueueSuite(): QueueSuite {
	let sandboxes: StartedSandbox[] | undefined;
	let cluster: QueueCluster | undefined;

	beforeAll(async () => {
		const t0 = Date.now();
		sandboxes = await startAllSandboxes({ ephemeral: true });
		const examples = loadExamples(undefined, sandboxes).filter((example) =>
			TRIGGER_EXAMPLES.some((name) => example.file.startsWith(name)),
		);
		const started = sandboxes;
		cluster = await QueueCluster.start(
			{
				runtime: readRuntime(),
				pack: sharedPack(),
				workers: queueScale().workers,
				onLog: (name, line) => {
					if (/\berror\b/i.test(line)) console.log(`[${name}] ${line}`);
				},
			},
			{
				credentials: started.flatMap(({ provider, sandbox }) => provider.credentials(sandbox)),
				workflows: [...batchWorkflows(), ...examples.map((example) => example.workflow)],
			},
		);
		await cluster.signIn(OWNER);
		for (const id of Object.values(BATCH_WORKFLOW_IDS)) await cluster.main.activate(id);
		console.log(
			`[queue] PostgreSQL :${cluster.postgres.port}, Redis :${cluster.redis.port}, main ${cluster.main.baseUrl}, webhook ${cluster.webhook.baseUrl}, ${cluster.workers.length} worker(s) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
		);
	});

	afterAll(async () => {
		await cluster?.dispose();
		if (sandboxes) await stopAllSandboxes(sandboxes);
	});

	const sandbox = <S>(id: string): S => {
		const found = sandboxes?.find((s) => s.provider.id === id);
		if (!found) throw new Error(`no ${id} sandbox running`);
		return found.sandbox as S;
	};
	return {
		get cluster() {
			if (!cluster) throw new Error('the queue cluster is not running (beforeAll failed?)');
			return cluster;
		},
		sandbox,
		conductor: () => sandbox<ConductorSandbox>('conductor'),
		momo: () => sandbox<MomoSandbox>('momo'),
	};
}

/** The external reference of a Conductor sandbox transaction (unique per bill payment). */
export const referenceOf = (transaction: object) =>
	String((transaction as { external_reference?: unknown }).external_reference);
