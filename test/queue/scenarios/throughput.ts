/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
// Batches in queue mode: every item paid once, the executions split across the workers, the MoMo
// token shared through the credential; then the same run timed with one worker and with two, and
// what n8n itself costs (a No Operation floor). Prints (and with PAYMENTS_PACK_QUEUE_REPORT, writes)
// the throughput table.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';

import type { ExecutionSummary } from '../../e2e/lib/n8n-api-client';
import type { QueueCluster } from '../../e2e/lib/queue-cluster';
import { waitForFinishedExecutions } from '../../e2e/lib/waits';
import { deliverBatch, queueScale, treeCpuSeconds } from '../lib';
import { referenceOf, type QueueSuite } from '../setup';
import { BATCH_PATHS, BATCH_WORKFLOW_IDS } from '../workflows';

const SCALE = queueScale();
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

/** The describe block of these scenarios, on the cluster of queue-mode.queue.test.ts. */
export const batchesAcrossWorkers = (suite: QueueSuite) => () => {
	const { conductor, momo } = suite;
	let cluster: QueueCluster;
	beforeAll(() => (cluster = suite.cluster));
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

	afterAll(() => {
		if (measurements.length === 0) return;
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
};
