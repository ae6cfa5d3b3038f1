/* eslint-disable no-console */
// The pack's triggers in queue mode: webhook deliveries received by the webhook process (Monerium,
// MTN MoMo callbacks) and polling by the main process across its restart (Memento), each run on a
// worker exactly once.
import { randomUUID } from 'node:crypto';

import { momoCallbackToken } from '../../../nodes/MtnMomo/trigger/callback';
import type { ExecutionSummary } from '../../e2e/lib/n8n-api-client';
import { sleep } from '../../e2e/lib/processes';
import type { QueueCluster } from '../../e2e/lib/queue-cluster';
import { waitForFinishedExecutions, waitUntil } from '../../e2e/lib/waits';
import { ME, type MementoSandbox } from '../../sandboxes/memento';
import { MONERIUM_SEED, type MoneriumSandbox } from '../../sandboxes/monerium';
import { deliverBatch } from '../lib';
import { OWNER, type QueueSuite } from '../setup';
import { BATCH_PATHS } from '../workflows';

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

/** The describe block of these scenarios, on the cluster of queue-mode.queue.test.ts. */
export const triggers = (suite: QueueSuite) => () => {
	const { sandbox, momo } = suite;
	let cluster: QueueCluster;
	beforeAll(() => (cluster = suite.cluster));

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
};
