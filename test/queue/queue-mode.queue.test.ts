/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
// The pack in n8n queue mode: PostgreSQL, Redis, a main process, a webhook process and workers,
// each process with its own user folder (see test/e2e/lib/queue-cluster.ts). Every money move goes
// to a provider sandbox over real HTTP; the sandboxes count what was paid.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';

import { momoCallbackToken } from '../../nodes/MtnMomo/trigger/callback';
import { sharedPack } from '../e2e/lib/setup';
import { QueueCluster } from '../e2e/lib/queue-cluster';
import { readRuntime } from '../e2e/lib/runtime';
import { loadExamples } from '../e2e/providers';
import type { ConductorSandbox } from '../sandboxes/conductor';
import { ME, type MementoSandbox } from '../sandboxes/memento';
import { MONERIUM_SEED, type MoneriumSandbox } from '../sandboxes/monerium';
import type { MomoSandbox } from '../sandboxes/mtn-momo';
import type { ExecutionSummary } from '../e2e/lib/n8n-api-client';
import { sleep } from '../e2e/lib/processes';
import { startAllSandboxes, stopAllSandboxes, type StartedSandbox } from '../sandboxes/run';
import { waitForFinishedExecutions, waitUntil } from '../e2e/lib/waits';
import { deliverBatch, queueScale, treeCpuSeconds } from './lib';
import { BATCH_PATHS, BATCH_WORKFLOW_IDS, batchWorkflows } from './workflows';

const OWNER = {
	email: 'queue@payments-pack.dev',
	// A throwaway owner of a throwaway n8n.
	password: `Queue-${randomUUID()}-A1`,
	firstName: 'Queue',
	lastName: 'Tester',
};

const SCALE = queueScale();

const EXAMPLES = {
	moneriumTrigger: { id: 'mnrProfileTrig01', webhookId: '2b7d4c1e-9f3a-4a6b-8c5d-0e1f2a3b4c5d' },
	momoCallback: { id: 'momoCallback0001', webhookId: '6a1f0c7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b' },
	mementoTrigger: { id: 'mmpNewPayTrig001' },
};

/** n8n polls "every minute" at a random second: a poll is at most a minute (plus its run) away. */
const NEXT_POLL_MS = 80_000;

/** The items a trigger node emitted in an execution (fetched with includeData). */
function emitted(
	execution: ExecutionSummary | undefined,
	node: string,
): Array<Record<string, unknown>> {
	const items = execution?.data?.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.json);
}

/** The external reference of a Conductor sandbox transaction (unique per bill payment). */
const referenceOf = (transaction: object) =>
	String((transaction as { external_reference?: unknown }).external_reference);
const ITEMS = SCALE.batches * SCALE.itemsPerBatch;

interface RunMeasurement {
	label: string;
	workers: number;
	items: number;
	seconds: number;
	executionsPerWorker: number[];
	momoTokens: number;
	/** CPU seconds each part of the cluster used during the run */
	cpu: Record<CpuPart, number>;
}

const CPU_PARTS = ['workers', 'webhook', 'main', 'PostgreSQL', 'Redis', 'sandboxes'] as const;
type CpuPart = (typeof CPU_PARTS)[number];
const measurements: RunMeasurement[] = [];

describe(`the pack in n8n queue mode (${SCALE.name} scale)`, () => {
	let sandboxes: StartedSandbox[];
	let cluster: QueueCluster;
	const cpuNow = (): Record<CpuPart, number> => {
		const usage = process.cpuUsage();
		return {
			workers: cluster.workers.reduce((sum, worker) => sum + treeCpuSeconds(worker.pid), 0),
			webhook: treeCpuSeconds(cluster.webhook.pid),
			main: treeCpuSeconds(cluster.main.pid),
			PostgreSQL: treeCpuSeconds(cluster.postgres.pid),
			Redis: treeCpuSeconds(cluster.redis.pid),
			// this process: the in-process sandboxes (and the test's own requests)
			sandboxes: (usage.user + usage.system) / 1e6,
		};
	};
	const sandbox = <S>(id: string) => sandboxes.find((s) => s.provider.id === id)!.sandbox as S;
	const conductor = () => sandbox<ConductorSandbox>('conductor');
	const momo = () => sandbox<MomoSandbox>('momo');

	beforeAll(async () => {
		const t0 = Date.now();
		sandboxes = await startAllSandboxes({ ephemeral: true });
		const examples = loadExamples(undefined, sandboxes).filter((example) =>
			['monerium-profile-trigger', 'momo-callback-trigger', 'memento-new-payment-trigger'].some(
				(name) => example.file.startsWith(name),
			),
		);
		cluster = await QueueCluster.start(
			{
				runtime: readRuntime(),
				pack: sharedPack(),
				workers: SCALE.workers,
				onLog: (name, line) => {
					if (/\berror\b/i.test(line)) console.log(`[${name}] ${line}`);
				},
			},
			{
				credentials: sandboxes.flatMap(({ provider, sandbox: s }) => provider.credentials(s)),
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
		if (measurements.length > 0) {
			const table = measurements
				.map(
					(m) =>
						`| ${m.label} | ${m.workers} | ${m.items} | ${m.seconds.toFixed(2)} | ${(m.items / m.seconds).toFixed(1)} | ${m.executionsPerWorker.join(' / ')} | ${m.momoTokens} | ${CPU_PARTS.map((part) => m.cpu[part].toFixed(2)).join(' / ')} |`,
				)
				.join('\n');
			const report = `| run | workers | items | seconds | items/s | executions per worker | new MoMo tokens | CPU s: ${CPU_PARTS.join(' / ')} |\n|---|---|---|---|---|---|---|---|\n${table}\n`;
			console.log(`[queue] throughput (${SCALE.name} scale):\n${report}`);
			const file = process.env.PAYMENTS_PACK_QUEUE_REPORT;
			if (file) fs.writeFileSync(file, report);
		}
	});

	/**
	 * Delivers `batches` Conductor and `batches` MoMo batches to the webhook process at once and waits
	 * until every execution has finished; checks that every item was paid exactly once. With
	 * `floor`, the same batches go to a workflow whose last node is n8n's No Operation instead: what
	 * n8n itself costs per execution and item in this setup.
	 */
	async function payBatches(
		label: string,
		options: { floor?: boolean } = {},
	): Promise<RunMeasurement> {
		const run = randomUUID().slice(0, 8);
		const conductorBefore = conductor().transactions().length;
		const momoBefore = momo().payments('collection').length;
		const tokensBefore = momo().stats.tokenRequests.collection;
		const started = cluster.workers.map((_, index) => cluster.startedBy.get(index)!.size);
		const targets = options.floor
			? [{ id: BATCH_WORKFLOW_IDS.floor, path: BATCH_PATHS.floor, batches: 2 * SCALE.batches }]
			: [
					{ id: BATCH_WORKFLOW_IDS.conductor, path: BATCH_PATHS.conductor, batches: SCALE.batches },
					{ id: BATCH_WORKFLOW_IDS.momo, path: BATCH_PATHS.momo, batches: SCALE.batches },
				];
		const countBefore = new Map<string, number>();
		for (const target of targets)
			countBefore.set(
				target.id,
				(await cluster.main.executions(target.id, { includeData: false, limit: 250 })).length,
			);
		const cpuBefore = cpuNow();
		const references: string[] = [];
		const orderIds: string[] = [];
		const deliveries: Array<Promise<number>> = [];
		const t0 = Date.now();
		for (let batch = 0; batch < SCALE.batches; batch++) {
			const bills = Array.from({ length: SCALE.itemsPerBatch }, (_, index) => {
				const reference = `q-${run}-${batch}-${index}`;
				references.push(reference);
				return { reference };
			});
			const payments = Array.from({ length: SCALE.itemsPerBatch }, (_, index) => {
				const orderId = `order-${run}-${batch}-${index}`;
				orderIds.push(orderId);
				return { orderId, amount: `${1 + index}.50` };
			});
			deliveries.push(deliverBatch(cluster.webhook, targets[0].path, bills));
			deliveries.push(deliverBatch(cluster.webhook, targets[targets.length - 1].path, payments));
		}
		expect(await Promise.all(deliveries)).toEqual(deliveries.map(() => 200));
		const newRuns: ExecutionSummary[] = [];
		for (const target of targets) {
			const before = countBefore.get(target.id)!;
			const runs = await waitForFinishedExecutions(
				cluster.main,
				target.id,
				before + target.batches,
				300_000,
			);
			newRuns.push(...runs.slice(0, runs.length - before));
		}
		const seconds = (Date.now() - t0) / 1000;
		const cpuAfter = cpuNow();
		const cpu = Object.fromEntries(
			CPU_PARTS.map((part) => [part, cpuAfter[part] - cpuBefore[part]]),
		) as Record<CpuPart, number>;
		expect(newRuns).toHaveLength(2 * SCALE.batches);
		expect(newRuns.map((e) => e.status)).toEqual(newRuns.map(() => 'success'));

		// Every item paid exactly once (and nothing paid by the floor).
		const paidReferences = conductor().transactions().slice(conductorBefore).map(referenceOf);
		expect([...paidReferences].sort()).toEqual(options.floor ? [] : [...references].sort());
		const requested = momo()
			.payments('collection')
			.slice(momoBefore)
			.map((payment) => String((payment as { externalId?: unknown }).externalId));
		expect([...requested].sort()).toEqual(options.floor ? [] : [...orderIds].sort());

		const executionsPerWorker = cluster.workers.map(
			(_, index) => cluster.startedBy.get(index)!.size - (started[index] ?? 0),
		);
		const measurement: RunMeasurement = {
			label,
			workers: cluster.workers.filter((worker) => worker.running).length,
			items: 2 * ITEMS,
			seconds,
			executionsPerWorker,
			momoTokens: momo().stats.tokenRequests.collection - tokensBefore,
			cpu,
		};
		measurements.push(measurement);
		return measurement;
	}

	it(`pays ${ITEMS} Conductor and ${ITEMS} MoMo items once each, split across the workers, with the MoMo token shared through the credential`, async () => {
		const cold = await payBatches('first run (no MoMo token yet)');
		// Every execution ran on a worker (none on main or the webhook process)...
		expect(cold.executionsPerWorker.reduce((a, b) => a + b, 0)).toBe(2 * SCALE.batches);
		// ...and with two workers, both took a share.
		if (SCALE.workers > 1)
			for (const count of cold.executionsPerWorker) expect(count).toBeGreaterThan(0);
		// A token is fetched only by executions that started before any token was stored with the
		// credential (n8n's credential store has no lock): never one per item.
		expect(cold.momoTokens).toBeGreaterThanOrEqual(1);
		expect(cold.momoTokens).toBeLessThanOrEqual(SCALE.batches);
		console.log(
			`[queue] MoMo tokens fetched by the first ${SCALE.batches} MoMo executions: ${cold.momoTokens}`,
		);

		// Later executions, on any worker, use the stored token.
		const warm = await payBatches('second run');
		expect(warm.momoTokens).toBe(0);
	});

	it('measures the same run with one worker and with two', async () => {
		// One worker: stop every other one (a clean shutdown lets it finish what it runs).
		for (const worker of cluster.workers.slice(1)) await worker.stop();
		const one = [await payBatches('one worker'), await payBatches('one worker')];
		await payBatches('one worker, floor (No Operation instead of the pay nodes)', { floor: true });
		for (const run of one) expect(run.momoTokens).toBe(0);
		if (SCALE.workers < 2) return;
		// Two workers: a fresh second worker process joins.
		await cluster.addWorker();
		const two = [await payBatches('two workers'), await payBatches('two workers')];
		await payBatches('two workers, floor (No Operation instead of the pay nodes)', { floor: true });
		for (const run of two) expect(run.momoTokens).toBe(0);
		const best = (runs: RunMeasurement[]) => Math.min(...runs.map((run) => run.seconds));
		console.log(
			`[queue] ${2 * ITEMS} items: one worker ${best(one).toFixed(2)} s, two workers ${best(two).toFixed(2)} s, ratio ${(best(one) / best(two)).toFixed(2)}x`,
		);
	});

	it('a worker killed in the middle of a batch pays no item twice; sending the batch again pays the rest once', async () => {
		const batchSize = 3 * SCALE.itemsPerBatch;
		const killAt = SCALE.itemsPerBatch;
		const run = randomUUID().slice(0, 8);
		const references = Array.from({ length: batchSize }, (_, index) => `k-${run}-${index}`);
		const sendBatch = async () =>
			expect(
				await deliverBatch(
					cluster.webhook,
					BATCH_PATHS.conductorByReference,
					references.map((reference) => ({ reference })),
				),
			).toBe(200);
		const paid = () =>
			conductor()
				.transactions()
				.filter((transaction) => references.includes(referenceOf(transaction)));

		// The sandbox carries out the killAt-th payment, saves its answer under its idempotency key,
		// then holds the answer back: the worker is killed while it waits for it.
		let held!: () => void;
		const holding = new Promise<void>((resolve) => (held = resolve));
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		let seen = 0;
		conductor().injectFault({
			kind: 'hold-after-processing',
			method: 'POST',
			path: '/transactions',
			when: (request) =>
				references.includes(
					String((request.body as { external_reference?: unknown }).external_reference),
				) && ++seen === killAt,
			hold: async () => {
				held();
				await released;
			},
		});
		const started = cluster.workers.map((_, index) => new Set(cluster.startedBy.get(index)));
		await sendBatch();
		await holding;
		const busy = cluster.workers.findIndex(
			(worker, index) =>
				worker.running && [...cluster.startedBy.get(index)!].some((id) => !started[index].has(id)),
		);
		expect(busy).toBeGreaterThanOrEqual(0);
		const [executionId] = [...cluster.startedBy.get(busy)!].filter((id) => !started[busy].has(id));
		const executionStatus = async (id: string) =>
			(
				await cluster.main.executions(BATCH_WORKFLOW_IDS.conductorByReference, {
					includeData: false,
				})
			).find((execution) => execution.id === id)?.status;
		await cluster.workers[busy].stop('SIGKILL');
		release();
		expect(paid()).toHaveLength(killAt);

		// n8n notices the dead worker's job (Bull's stalled-job check, then a grace period) and marks
		// the execution failed; it is not run again on its own, and what it had done is not kept.
		const settled = await waitUntil(
			async () => (await executionStatus(executionId)) === 'error',
			240_000,
			1000,
		);
		expect(settled).toBe(true);
		expect(paid()).toHaveLength(killAt);
		const crashed = (
			await cluster.main.executions(BATCH_WORKFLOW_IDS.conductorByReference, { includeData: true })
		).find((execution) => execution.id === executionId);
		expect(crashed?.data?.resultData.error?.message).toMatch(
			/failed to be processed too many times/,
		);
		expect(crashed?.data?.resultData.runData).toEqual({});

		// n8n's Retry of that execution has nothing to run (n8n 2.41 stored only the error): it fails
		// at once and pays nothing, neither again nor the rest.
		if (!cluster.workers.some((worker) => worker.running)) await cluster.addWorker();
		const retry = await cluster.main.rest<{ status?: string }>(
			'POST',
			`/rest/executions/${executionId}/retry`,
			{ loadWorkflow: false },
		);
		expect(retry.status).toBe(200);
		expect(retry.data.status).toBe('error');
		expect(paid()).toHaveLength(killAt);

		// What the README tells users to do: send the same batch again. The keys come from the
		// references, so the items paid before the crash are answered from Conductor's idempotency
		// store (replayed) and only the others are paid.
		const replaysBefore = conductor().stats.replays;
		await sendBatch();
		const runs = await waitForFinishedExecutions(
			cluster.main,
			BATCH_WORKFLOW_IDS.conductorByReference,
			3,
			120_000,
			{ includeData: true },
		);
		expect(runs[0].status).toBe('success');
		const output = runs[0].data?.resultData.runData['Pay Bill']?.[0]?.data?.main?.[0] ?? [];
		expect(output).toHaveLength(batchSize);
		const replayed = output.filter(
			(item) => (item.json.idempotency as { replayed?: boolean } | undefined)?.replayed === true,
		);
		expect(replayed.map((item) => item.json.external_reference)).toEqual(
			references.slice(0, killAt),
		);
		expect(conductor().stats.replays - replaysBefore).toBe(killAt);
		const transactions = paid();
		expect(transactions).toHaveLength(batchSize);
		expect(new Set(transactions.map(referenceOf)).size).toBe(batchSize);
	});

	it('the Monerium trigger, subscribed with the webhook process URL, runs once per signed delivery there; forged, stale and repeated ones start nothing', async () => {
		const monerium = sandbox<MoneriumSandbox>('monerium');
		const trigger = EXAMPLES.moneriumTrigger;
		await cluster.main.activate(trigger.id);
		expect(await waitUntil(() => monerium.state.subscriptions.length > 0, 20_000)).toBe(true);
		const [subscription] = monerium.state.subscriptions;
		// The URL the main process registered is the webhook process's, which answered the check.
		expect(subscription.url).toBe(
			`${cluster.webhook.baseUrl}/webhook/${trigger.webhookId}/webhook`,
		);
		// The secret is in the workflow's static data (the database), where the webhook process reads it.
		expect(
			await waitUntil(async () => {
				const { data } = await cluster.main.rest<{
					staticData?: Record<string, { secret?: string }>;
				}>('GET', `/api/v1/workflows/${trigger.id}`);
				return data.staticData?.['node:Monerium Trigger']?.secret === subscription.secret;
			}, 20_000),
		).toBe(true);
		// The main process serves no production webhook: only the webhook process can take them.
		const onMain = await fetch(`${cluster.main.baseUrl}/webhook/${trigger.webhookId}/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		await onMain.arrayBuffer();
		expect(onMain.status).toBe(404);

		const data = { id: MONERIUM_SEED.profileId, state: 'approved', kind: 'personal' };
		const signed = [];
		for (let count = 0; count < 3; count++) {
			const [delivery] = await monerium.emit('profile.updated', data);
			expect(delivery.status).toBe(200);
			signed.push(delivery);
		}
		const [forged] = await monerium.emit('profile.updated', data, { forge: true });
		expect(forged.status).toBe(401);
		const [stale] = await monerium.emit('profile.updated', data, {
			timestamp: Math.floor(Date.now() / 1000) - 3600,
		});
		expect(stale.status).toBe(401);
		// Monerium retrying each delivery (same webhook-id, fresh timestamp and signature).
		for (const delivery of signed) {
			const [again] = await monerium.emit('profile.updated', data, { id: delivery.id });
			expect(again.status).toBe(200);
			expect(again.body).toContain('Already received');
		}
		const runs = await waitForFinishedExecutions(cluster.main, trigger.id, 3, 60_000, {
			includeData: true,
		});
		await sleep(2000);
		expect(await cluster.main.executions(trigger.id, { includeData: false })).toHaveLength(3);
		expect(runs.map((run) => run.status)).toEqual(['success', 'success', 'success']);
		const ids = runs.flatMap((run) =>
			emitted(run, 'Monerium Trigger').map((item) => item.webhookId),
		);
		expect([...ids].sort()).toEqual(signed.map((delivery) => delivery.id).sort());
		// ...and the workers ran them.
		for (const run of runs) expect(cluster.workerOf(run.id)).toBeDefined();

		// Deliveries arriving at the same instant each start their run (none is lost). n8n saves a
		// workflow's static data whole, so they overwrite each other's remembered webhook-id there;
		// the record the webhook process keeps in memory still knows every one, so Monerium's retries
		// of them start nothing.
		const burst = await Promise.all(
			[0, 1, 2, 3, 4].map(async () => (await monerium.emit('profile.updated', data))[0]),
		);
		expect(burst.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200, 200]);
		const afterBurst = await waitForFinishedExecutions(cluster.main, trigger.id, 8, 60_000);
		expect(afterBurst).toHaveLength(8);
		const { data: workflow } = await cluster.main.rest<{
			staticData?: Record<string, { seen?: Record<string, number> }>;
		}>('GET', `/api/v1/workflows/${trigger.id}`);
		const remembered = Object.keys(workflow.staticData?.['node:Monerium Trigger']?.seen ?? {});
		const rememberedOfBurst = burst.filter((delivery) => remembered.includes(delivery.id)).length;
		console.log(
			`[queue] Monerium: of ${burst.length} simultaneous deliveries, ${rememberedOfBurst} webhook-ids stayed in static data`,
		);
		for (const delivery of burst) {
			const [again] = await monerium.emit('profile.updated', data, { id: delivery.id });
			expect(again.status).toBe(200);
			expect(again.body).toContain('Already received');
		}
		await sleep(2000);
		expect(await cluster.main.executions(trigger.id, { includeData: false })).toHaveLength(8);
	});

	it('the MoMo callback trigger confirms a callback received by the webhook process and runs once', async () => {
		const trigger = EXAMPLES.momoCallback;
		await cluster.main.activate(trigger.id);
		// a payment of its own to be called back about
		const orderId = `callback-${randomUUID().slice(0, 8)}`;
		expect(
			await deliverBatch(cluster.webhook, BATCH_PATHS.momo, [{ orderId, amount: '7.50' }]),
		).toBe(200);
		const requested = () =>
			momo()
				.payments('collection')
				.find((candidate) => candidate.externalId === orderId);
		// requested, and settled by the sandbox (the trigger emits final statuses only)
		expect(await waitUntil(() => requested()?.status === 'SUCCESSFUL', 60_000)).toBe(true);
		const payment = requested()!;
		// The token the MTN MoMo node put in the X-Callback-Url (the trigger refuses callbacks without it).
		const token = momoCallbackToken(momo().apiKey, 'collection', String(payment.referenceId));
		const path = `${trigger.webhookId}/callback?referenceId=${payment.referenceId}&product=collection&token=${token}`;
		const deliver = async () => {
			const response = await cluster.webhook.deliverWebhook(path, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ status: 'SUCCESSFUL', amount: payment.amount, currency: 'EUR' }),
			});
			await response.arrayBuffer();
			return response.status;
		};
		expect(await deliver()).toBe(200);
		const runs = await waitForFinishedExecutions(cluster.main, trigger.id, 1, 60_000, {
			includeData: true,
		});
		expect(runs).toHaveLength(1);
		expect(runs[0].status).toBe('success');
		expect(emitted(runs[0], 'MoMo Callback')[0]).toMatchObject({
			referenceId: payment.referenceId,
			status: 'SUCCESSFUL',
			confirmed: true,
		});
		// MoMo sends the callback again: the remembered status (static data) stops a second run.
		expect(await deliver()).toBe(200);
		await sleep(2000);
		expect(await cluster.main.executions(trigger.id, { includeData: false })).toHaveLength(1);
	});

	it('the Memento polling trigger emits every payment exactly once across a restart of the main process', async () => {
		const memento = sandbox<MementoSandbox>('memento');
		const trigger = EXAMPLES.mementoTrigger;
		const newPayment = (description: string) => {
			memento.state.payments.push({
				...memento.state.stamp(),
				owner_uuid: ME.uuid,
				amount: '1.00',
				currency: 'GBP',
				status: 'completed',
				description,
			});
		};
		const answeredPolls = () =>
			memento.requestsTo('GET', '/v1/payments').filter((request) => request.status === 200);
		await cluster.main.activate(trigger.id);
		// Activation polls once, for the newest payment only (the cursor), and starts nothing.
		expect(await waitUntil(() => answeredPolls().length > 0, 20_000)).toBe(true);
		newPayment('before the restart (a)');
		const first = await waitForFinishedExecutions(cluster.main, trigger.id, 1, NEXT_POLL_MS, {
			includeData: true,
		});
		expect(first.map((run) => emitted(run, 'New Payment').map((item) => item.description))).toEqual(
			[['before the restart (a)']],
		);

		// The main process (which polls) stops; payments keep coming; it starts again.
		await cluster.main.stop();
		newPayment('while the main process was down (b)');
		await sleep(3000);
		await cluster.main.start();
		await cluster.main.ensureOwner(OWNER);
		newPayment('after the restart (c)');

		// Within two polls everything created since the first execution is out, and nothing twice.
		const deadline = Date.now() + 2 * NEXT_POLL_MS;
		let descriptions: unknown[] = [];
		while (Date.now() < deadline) {
			const runs = await waitForFinishedExecutions(cluster.main, trigger.id, 1, 10_000, {
				includeData: true,
			});
			descriptions = runs.flatMap((run) =>
				emitted(run, 'New Payment').map((item) => item.description),
			);
			if (descriptions.length >= 3) break;
			await sleep(2000);
		}
		await sleep(2000);
		const runs = await cluster.main.executions(trigger.id, { includeData: true });
		descriptions = runs.flatMap((run) =>
			emitted(run, 'New Payment').map((item) => item.description),
		);
		expect([...descriptions].sort()).toEqual([
			'after the restart (c)',
			'before the restart (a)',
			'while the main process was down (b)',
		]);
		for (const run of runs) {
			expect(run.status).toBe('success');
			expect(cluster.workerOf(run.id)).toBeDefined();
		}
	});
});
