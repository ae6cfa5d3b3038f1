// Scenario 5: Momento's rate limit. 200 deposits with the sandbox limit at 50 per window: every
// item must get through (no loss, no duplicate) in close to the least time the limit allows.
import { newCredentialsHelper, runWorkflow } from '../test/harness/run-workflow';
import {
	depositParameters,
	momentoCredential,
	momentoNode,
} from '../test/integration/momento/momento.fixture';
import { median, round, timed } from './lib/measure';
import { writeSection } from './lib/results';
import { startSandboxProcess } from './lib/sandbox';

const ITEMS = 200;
const LIMIT = 50;
const WINDOW_MS = 1000;

describe('scenario 5: Momento rate limit', () => {
	it(`sends ${ITEMS} items at ${LIMIT} per ${WINDOW_MS} ms without losing one`, async () => {
		const sandbox = await startSandboxProcess('momento');
		try {
			const run = async (count: number, tag: string) => {
				const items = Array.from({ length: count }, (_, index) => ({ ref: `${tag}-${index}` }));
				const { ms, result } = await timed(
					async () =>
						await runWorkflow({
							items,
							nodes: [
								momentoNode(
									'Deposit',
									depositParameters({ options: { orderId: '={{ $json.ref }}' } }),
								),
							],
							credentialsHelper: newCredentialsHelper([momentoCredential(sandbox.info as never)]),
						}),
				);
				if (result.error) throw result.error;
				const output = result.output('Deposit');
				expect(output.map((item) => item.json.orderID)).toEqual(items.map((item) => item.ref));
				expect(output.map((item) => item.pairedItem)).toEqual(
					items.map((_, index) => ({ item: index })),
				);
				return ms;
			};
			await run(LIMIT, 'warm');
			// What one window's worth of items costs with no limit in the way.
			const free: number[] = [];
			for (let index = 0; index < 3; index++) {
				await sandbox.reset();
				free.push(await run(LIMIT, `free${index}`));
			}
			const unthrottledMs = median(free);
			await sandbox.reset();
			await sandbox.setRateLimit({ limit: LIMIT, windowMs: WINDOW_MS });
			const limitedMs = await run(ITEMS, 'limited');
			const summary = await sandbox.summary();
			const stats = summary.stats as {
				depositsCreated: number;
				duplicateOrders: number;
				rateLimited: number;
			};
			expect(stats.depositsCreated).toBe(ITEMS);
			expect(stats.duplicateOrders).toBe(0);

			const windows = Math.ceil(ITEMS / LIMIT);
			const idealMs = (windows - 1) * WINDOW_MS + unthrottledMs;
			writeSection({
				order: 5,
				title: `5. Rate limit: Momento deposit:create, ${ITEMS} items, sandbox limit ${LIMIT} per ${WINDOW_MS} ms (fixed window)`,
				rows: [
					{
						measure: 'items created / lost / duplicated',
						value: stats.depositsCreated,
						unit: `/ ${ITEMS - stats.depositsCreated} / ${stats.duplicateOrders}`,
					},
					{
						measure: '429 answers waited out (Retry-After)',
						value: stats.rateLimited,
						unit: 'answers',
					},
					{
						measure: 'total time, ms',
						value: round(limitedMs, 0),
						unit: 'ms',
						baseline: 'ideal under the limit',
						baselineValue: round(idealMs, 0),
						target: '≤ 1.2x',
						met: limitedMs <= 1.2 * idealMs,
					},
				],
				notes: [
					`The documented limit is 1000 requests per hour; the window is shortened to ${WINDOW_MS} ms (same ${LIMIT}-per-window shape) so the scenario runs in seconds. Ideal = ${windows - 1} full windows of waiting + the time ${LIMIT} items take with no limit (${round(unthrottledMs, 0)} ms, median of 3 in the same run). The sandbox counts 429 answers; no item failed and every output keeps its pairedItem.`,
				],
			});
		} finally {
			await sandbox.close();
		}
	});
});
