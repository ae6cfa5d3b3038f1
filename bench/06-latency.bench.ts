// Scenario 6, in real n8n (`n8n execute`): 1000 Conductor transaction:create items against a sandbox
// that answers every request after 300 ms, as real payment APIs do. The pack at its default number
// of parallel requests, at the HTTP Request node's concurrency (batches of 50) and one by one (on
// fewer items), against n8n's HTTP Request node with the same predefined credential. Figures: each
// node's executionTime in the one workflow run.
import { N8n, describeFailure, nodeOutput } from '../test/e2e/lib/n8n';
import { disposePack, type PackInfo } from '../test/e2e/lib/pack';
import { readRuntime } from '../test/e2e/lib/runtime';
import { DEFAULT_PARALLEL_REQUESTS } from '../nodes/MomentConductor/actions/router';
import { conductorHttpRequestNode, packParameters, type ConductorInfo } from './lib/conductor';
import { installFloorPackage } from './lib/floor-package';
import { round } from './lib/measure';
import { buildPrivatePack } from './lib/private-pack';
import {
	benchChainWorkflow,
	blocker,
	executeToFile,
	executionTime,
	type ChainNode,
} from './lib/real-n8n';
import { writeSection, type Row } from './lib/results';
import { startSandboxProcess, type SandboxProcess } from './lib/sandbox';

const ITEMS = 1000;
const SEQUENTIAL_ITEMS = 40;
const LATENCY_MS = 300;
const SAME_CONCURRENCY = 50;
const CREDENTIAL = { id: 'cndLatencyCred01', name: 'Conductor latency bench' };
const TITLE = `6. With provider latency (real n8n, ${ITEMS} transaction:create items, the sandbox answering after ${LATENCY_MS} ms)`;

interface Step {
	name: string;
	count: number;
	node: Record<string, unknown>;
}

function packNode(name: string, parallelRequests?: number): Record<string, unknown> {
	return {
		name,
		type: 'n8n-nodes-payments-pack.momentConductor',
		typeVersion: 1,
		parameters: {
			...packParameters(),
			...(parallelRequests === undefined ? {} : { batching: { parallelRequests } }),
		},
		credentials: { momentConductorApi: CREDENTIAL },
	};
}

function steps(info: ConductorInfo): Step[] {
	return [
		{ name: `Pack (default ${DEFAULT_PARALLEL_REQUESTS} in flight)`, count: ITEMS, node: {} },
		{ name: `Pack (${SAME_CONCURRENCY} in flight)`, count: ITEMS, node: {} },
		{ name: `HTTP Request (batches of ${SAME_CONCURRENCY})`, count: ITEMS, node: {} },
		{ name: 'Pack (one by one)', count: SEQUENTIAL_ITEMS, node: {} },
	].map((step, index) => ({
		...step,
		node: [
			packNode(step.name),
			packNode(step.name, SAME_CONCURRENCY),
			conductorHttpRequestNode(step.name, info, CREDENTIAL, {
				batching: { batch: { batchSize: SAME_CONCURRENCY, batchInterval: 0 } },
			}),
			packNode(step.name, 1),
		][index],
	}));
}

function workflow(id: string, plan: Step[]) {
	return benchChainWorkflow(
		id,
		'Bench 6 latency',
		plan.map((step, index) => ({
			count: step.count,
			tag: `latency-${index}`,
			node: step.node as ChainNode,
		})),
	);
}

describe('scenario 6 (real n8n): batches at the speed of the provider', () => {
	let sandbox: SandboxProcess<ConductorInfo> | undefined;
	let n8n: N8n | undefined;
	let pack: PackInfo | undefined;

	afterAll(async () => {
		await n8n?.dispose();
		if (pack) disposePack(pack);
		await sandbox?.close();
	});

	it(`pays ${ITEMS} bills with ${LATENCY_MS} ms per answer`, async () => {
		const blocked = blocker();
		if (blocked) {
			writeSection({ order: '06', title: TITLE, rows: [], notes: [`Not measured: ${blocked}.`] });
			return;
		}
		const runtime = readRuntime();
		pack = buildPrivatePack();
		sandbox = await startSandboxProcess<ConductorInfo>('conductor', { latencyMs: LATENCY_MS });
		const info = sandbox.info;
		n8n = await N8n.create({ runtime, pack, label: 'bench-latency' });
		installFloorPackage(n8n.userFolder, info);
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'momentConductorApi',
				data: { secretKey: info.secretKey, retailerId: info.retailerIds[0], baseUrl: info.baseUrl },
			},
		]);
		const plan = steps(info);
		const wf = workflow('benchLatency0001', plan);
		await n8n.importWorkflows([wf]);

		const result = executeToFile(n8n, runtime, wf.id);
		if (!result.run || result.code !== 0) throw new Error(describeFailure(result));
		const seconds: Record<string, number> = {};
		for (const step of plan) {
			expect(nodeOutput(result.run, step.name)).toHaveLength(step.count);
			seconds[step.name] = executionTime(result.run, step.name) / 1000;
		}
		const summary = await sandbox.summary();
		const expected = plan.reduce((sum, step) => sum + step.count, 0);
		// Every item paid exactly once: one request and one transaction each.
		expect(summary.total).toBe(expected);
		expect(summary.stats.transactionsCreated).toBe(expected);

		const [byDefault, packSame, httpSame, oneByOne] = plan.map((step) => seconds[step.name]);
		const sequentialPerItem = oneByOne / SEQUENTIAL_ITEMS;
		const sequentialFull = sequentialPerItem * ITEMS;
		const ideal = (inFlight: number) => (ITEMS * LATENCY_MS) / inFlight / 1000;
		const rows: Row[] = [
			{
				measure: `pack one by one, s per ${ITEMS} items (measured on ${SEQUENTIAL_ITEMS})`,
				value: round(sequentialFull, 1),
				unit: 's',
			},
			{
				measure: `pack at its default (${DEFAULT_PARALLEL_REQUESTS} in flight), s`,
				value: round(byDefault, 1),
				unit: 's',
				baseline: 'pack one by one',
				baselineValue: sequentialFull,
				target: '≥ 10x faster (≤ 0.1x)',
				met: byDefault <= 0.1 * sequentialFull,
			},
			{
				measure: `pack at its default, s`,
				value: round(byDefault, 1),
				unit: 's',
				baseline: `ideal items × latency ÷ ${DEFAULT_PARALLEL_REQUESTS}`,
				baselineValue: ideal(DEFAULT_PARALLEL_REQUESTS),
				target: '≤ 1.2x + the 0-latency cost',
				met: byDefault <= 1.2 * ideal(DEFAULT_PARALLEL_REQUESTS) + ITEMS * 0.02,
			},
			{
				measure: `pack, ${SAME_CONCURRENCY} in flight, s`,
				value: round(packSame, 1),
				unit: 's',
				baseline: `HTTP Request node, batches of ${SAME_CONCURRENCY}`,
				baselineValue: httpSame,
				target: '≤ 1x (at least as fast)',
				met: packSame <= httpSame,
			},
		];
		writeSection({
			order: '06',
			title: TITLE,
			rows,
			notes: [
				`One workflow run: for each measured node a bench Items node (fresh references) then the node. Seconds = the node's executionTime. HTTP Request node ${round(httpSame, 1)} s; pack at ${SAME_CONCURRENCY} in flight ${round(packSame, 1)} s; pack default ${round(byDefault, 1)} s; pack one by one ${round(oneByOne, 1)} s for ${SEQUENTIAL_ITEMS} items (${round(sequentialPerItem * 1000, 0)} ms/item).`,
				`The HTTP Request node's batching option (${SAME_CONCURRENCY} items per batch, no interval) is its way to bound concurrency: it sends each batch at once and waits for the whole batch, so a slow answer holds the batch; the pack keeps ${SAME_CONCURRENCY} in flight and starts the next item as soon as one answers.`,
				`Every request created exactly one transaction (${expected} in all); the sandbox ran in its own process${sandbox.pinned ? ' on core 1' : ''}.`,
			],
		});
	});
});
