// Scenario 1, in-process: 1000 Conductor transaction:create items through the pack's node in
// n8n-core's WorkflowExecute, against a raw fetch loop and n8n's bare helpers.httpRequest floor.
// These figures guard against regressions; the targets are judged in real n8n (01b-real-n8n.bench.ts).
import { newCredentialsHelper, nodeTypes, runWorkflow } from '../test/harness/run-workflow';
import { BARE_HELPER_NODE_TYPE, BareHelperNode } from './lib/bare-helper-node';
import {
	conductorItems,
	packParameters,
	rawFetchLoop,
	type BenchItem,
	type ConductorInfo,
} from './lib/conductor';
import { median, round, timed } from './lib/measure';
import { writeSection } from './lib/results';
import { startSandboxProcess, type SandboxProcess } from './lib/sandbox';

const ITEMS = 1000;
const REPETITIONS = 3;

describe('scenario 1 (in-process): per-item overhead of Conductor transaction:create', () => {
	let sandbox: SandboxProcess<ConductorInfo>;
	beforeAll(async () => {
		sandbox = await startSandboxProcess<ConductorInfo>('conductor');
		nodeTypes.register(BARE_HELPER_NODE_TYPE, new BareHelperNode());
	});
	afterAll(async () => await sandbox?.close());

	const credential = () => ({
		id: 'conductor-bench',
		name: 'Conductor bench',
		type: 'momentConductorApi',
		data: {
			secretKey: sandbox.info.secretKey,
			retailerId: sandbox.info.retailerIds[0],
			baseUrl: sandbox.info.baseUrl,
		},
	});

	/** Node execution time (n8n's own figure) and whole-run time, after checking every item. */
	async function runNode(
		name: string,
		node: {
			type: string;
			parameters: Record<string, unknown>;
			credentials?: Record<string, string>;
		},
		items: BenchItem[],
	) {
		const { ms, result } = await timed(
			async () =>
				await runWorkflow({
					items,
					nodes: [{ name, ...node }],
					credentialsHelper: newCredentialsHelper([credential()]),
				}),
		);
		if (result.error) throw result.error;
		const output = result.json(name);
		expect(output).toHaveLength(items.length);
		expect(output.every((json) => typeof json.id === 'string')).toBe(true);
		const nodeMs = result.run.data.resultData.runData[name][0].executionTime;
		return { nodeMs, runMs: ms };
	}

	const pack = async (items: BenchItem[]) =>
		await runNode(
			'Conductor',
			{
				type: 'momentConductor',
				parameters: packParameters(),
				credentials: { momentConductorApi: 'conductor-bench' },
			},
			items,
		);
	const floor = async (items: BenchItem[]) =>
		await runNode(
			'Bare Helper',
			{ type: BARE_HELPER_NODE_TYPE, parameters: { target: JSON.stringify(sandbox.info) } },
			items,
		);
	const raw = async (items: BenchItem[]) => {
		const { ms, result } = await timed(async () => await rawFetchLoop(sandbox.info, items));
		expect(result).toBe(items.length);
		return { nodeMs: ms, runMs: ms };
	};

	it('measures the pack, the bare helper floor and raw fetch, 1000 items each', async () => {
		const variants = { pack, floor, raw };
		const times: Record<keyof typeof variants, { node: number[]; run: number[] }> = {
			pack: { node: [], run: [] },
			floor: { node: [], run: [] },
			raw: { node: [], run: [] },
		};
		const before = await sandbox.summary();
		let sent = 0;
		// One warm-up round (JIT, sockets), then interleaved repetitions.
		for (let round = 0; round <= REPETITIONS; round++) {
			for (const [name, variant] of Object.entries(variants)) {
				const { nodeMs, runMs } = await variant(conductorItems(ITEMS, `${name}${round}`));
				sent += ITEMS;
				if (round === 0) continue;
				times[name as keyof typeof variants].node.push(nodeMs);
				times[name as keyof typeof variants].run.push(runMs);
			}
			await sandbox.reset();
		}
		expect(sent).toBe(ITEMS * 3 * (REPETITIONS + 1));
		const after = await sandbox.summary();
		expect(before.total).toBe(0);
		expect(after.byStatus['201'] ?? 0).toBe(after.total);

		const perItem = (ms: number[]) => median(ms) / ITEMS;
		const packNode = perItem(times.pack.node);
		const floorNode = perItem(times.floor.node);
		const rawLoop = perItem(times.raw.node);
		writeSection({
			order: 1,
			title: `1a. Per-item overhead, in-process (n8n-core WorkflowExecute, ${ITEMS} transaction:create items, median of ${REPETITIONS})`,
			rows: [
				{ measure: 'raw fetch loop, ms/item', value: round(rawLoop, 3), unit: 'ms' },
				{
					measure: 'bare helpers.httpRequest floor (bench-only node), ms/item',
					value: round(floorNode, 3),
					unit: 'ms',
					baseline: 'raw fetch',
					baselineValue: rawLoop,
				},
				{
					measure: 'pack node (node execution time), ms/item',
					value: round(packNode, 3),
					unit: 'ms',
					baseline: 'raw fetch',
					baselineValue: rawLoop,
					target: '≤ 1.2x (issue 9; unreachable through n8n helpers, see below)',
					met: packNode <= 1.2 * rawLoop,
				},
				{
					measure: 'pack node (node execution time), ms/item',
					value: round(packNode, 3),
					unit: 'ms',
					baseline: 'bare-helper floor',
					baselineValue: floorNode,
					target: '≤ 2.5x (regression guard; judged in real n8n)',
					met: packNode <= 2.5 * floorNode,
				},
				{
					measure: 'pack node time added over the raw loop, ms/item',
					value: round(packNode - rawLoop, 3),
					unit: 'ms',
					baseline: 'floor added over raw',
					baselineValue: round(floorNode - rawLoop, 3),
				},
				{
					measure: 'pack, whole workflow run (engine + Items node), ms/item',
					value: round(perItem(times.pack.run), 3),
					unit: 'ms',
					baseline: 'pack node time',
					baselineValue: packNode,
				},
			],
			notes: [
				`Each round sends ${ITEMS} items per variant with fresh references; one warm-up round is not counted. The sandbox runs in its own process${sandbox.pinned ? ' pinned to core 1 (the benchmark to core 0)' : ''}; every answer was a 201.`,
				"The raw loop cannot be matched by anything that uses n8n's helpers (DESIGN.md requires them): the bare helper alone opens a new TCP connection per request (n8n sends `Connection: close` and builds fresh agents) and goes through axios. The bar that matters (per-item-cost note) is the pack against the floor (≤ 2.5x) and against the HTTP Request node (≤ 0.4x) in real n8n: see 1b.",
			],
		});
	});
});
