// A worker killed in the middle of a batch in queue mode: what n8n does with its execution, what
// its Retry does, and what sending the same batch again pays (Conductor's idempotency keys).
import { randomUUID } from 'node:crypto';

import type { QueueCluster } from '../../e2e/lib/queue-cluster';
import { waitForFinishedExecutions, waitUntil } from '../../e2e/lib/waits';
import { deliverBatch, queueScale } from '../lib';
import { referenceOf, type QueueSuite } from '../setup';
import { BATCH_PATHS, BATCH_WORKFLOW_IDS } from '../workflows';

const SCALE = queueScale();

/** The describe block of these scenarios, on the cluster of queue-mode.queue.test.ts. */
export const workerCrash = (suite: QueueSuite) => () => {
	const { conductor } = suite;
	let cluster: QueueCluster;
	beforeAll(() => (cluster = suite.cluster));

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
};
