// Scenario 6, in real n8n (`n8n execute`): 1000 Conductor transaction:create items and 1000 MTN MoMo
// requests to pay against sandboxes that answer every request after 300 ms, as real payment APIs do.
// For each: the pack at its default number of parallel requests, at the HTTP Request node's
// concurrency (batches of 50) and one by one (on fewer items), against n8n's HTTP Request node with
// the same predefined credential, in one workflow run. Figures: each node's executionTime.
import type { IDataObject } from 'n8n-workflow';

import { N8n } from '../test/e2e/lib/n8n';
import type { CredentialImport } from '../test/e2e/lib/n8n-cli';
import { describeFailure, nodeOutput } from '../test/e2e/lib/n8n-output';
import { disposePack, type PackInfo } from '../test/e2e/lib/pack';
import { readRuntime, type RuntimePaths } from '../test/e2e/lib/runtime';
import { DEFAULT_PARALLEL_REQUESTS as CONDUCTOR_DEFAULT } from '../nodes/MomentConductor/actions/router';
import { DEFAULT_PARALLEL_REQUESTS as MOMO_DEFAULT } from '../nodes/MtnMomo/actions/router';
import { conductorHttpRequestNode, packParameters, type ConductorInfo } from './lib/conductor';
import { installFloorPackage } from './lib/floor-package';
import { round } from './lib/measure';
import { MOMO_AMOUNT, MOMO_CURRENCY, MOMO_PAYER_MSISDN, momoHttpRequestNode } from './lib/momo';
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
const TITLE = `6. With provider latency (real n8n, ${ITEMS} items per node, the sandbox answering after ${LATENCY_MS} ms)`;

interface MomoInfo {
	baseUrl: string;
	apiUser: string;
	apiKey: string;
	subscriptionKeys: { collection: string; disbursement: string };
}

/** One provider of the scenario: its sandbox, credential, the pack's node and the HTTP Request node. */
interface LatencyProvider {
	label: string;
	sandbox: 'conductor' | 'momo';
	defaultParallel: number;
	credential(info: IDataObject): CredentialImport;
	packNode(name: string, credential: { id: string; name: string }): ChainNode;
	/** n8n's HTTP Request node sending the same request with the predefined credential, if it can. */
	httpNode?(name: string, info: IDataObject, credential: { id: string; name: string }): ChainNode;
	/** What the provider holds after the run: one move per item. */
	moves(stats: Record<string, unknown>): number;
}

const batching = { batching: { batch: { batchSize: SAME_CONCURRENCY, batchInterval: 0 } } };

const PROVIDERS: LatencyProvider[] = [
	{
		label: 'Conductor transaction:create',
		sandbox: 'conductor',
		defaultParallel: CONDUCTOR_DEFAULT,
		credential: (info) => ({
			id: 'cndLatencyCred01',
			name: 'Conductor latency bench',
			type: 'momentConductorApi',
			data: {
				secretKey: String(info.secretKey),
				retailerId: String((info.retailerIds as string[])[0]),
				baseUrl: String(info.baseUrl),
			},
		}),
		packNode: (name, credential) => ({
			name,
			type: 'n8n-nodes-payments-pack.momentConductor',
			typeVersion: 1,
			parameters: packParameters(),
			credentials: { momentConductorApi: credential },
		}),
		httpNode: (name, info, credential) =>
			conductorHttpRequestNode(name, info as unknown as ConductorInfo, credential, batching),
		moves: (stats) => Number(stats.transactionsCreated),
	},
	{
		label: 'MTN MoMo collection:requestToPay',
		sandbox: 'momo',
		defaultParallel: MOMO_DEFAULT,
		credential: (info) => {
			const momo = info as unknown as MomoInfo;
			return {
				id: 'momoLatencyCred1',
				name: 'MoMo latency bench',
				type: 'mtnMomoApi',
				data: {
					collectionSubscriptionKey: momo.subscriptionKeys.collection,
					disbursementSubscriptionKey: momo.subscriptionKeys.disbursement,
					apiUser: momo.apiUser,
					apiKey: momo.apiKey,
					targetEnvironment: 'sandbox',
					baseUrl: momo.baseUrl,
				},
			};
		},
		packNode: (name, credential) => ({
			name,
			type: 'n8n-nodes-payments-pack.mtnMomo',
			typeVersion: 1,
			parameters: {
				resource: 'collection',
				operation: 'requestToPay',
				amount: MOMO_AMOUNT,
				currency: MOMO_CURRENCY,
				externalId: '={{ $json.reference }}',
				partyIdType: 'MSISDN',
				partyId: MOMO_PAYER_MSISDN,
			},
			credentials: { mtnMomoApi: credential },
		}),
		httpNode: (name, info, credential) =>
			momoHttpRequestNode(name, String(info.baseUrl), credential, batching),
		moves: (stats) => Number(stats.requestsToPay),
	},
];

function withParallel(node: ChainNode, parallelRequests: number | undefined): ChainNode {
	if (parallelRequests === undefined) return node;
	return {
		...node,
		parameters: { ...(node.parameters as IDataObject), batching: { parallelRequests } },
	};
}

async function measure(
	runtime: RuntimePaths,
	pack: PackInfo,
	provider: LatencyProvider,
	cleanups: Array<() => Promise<void>>,
): Promise<{ rows: Row[]; notes: string[] }> {
	const sandbox: SandboxProcess<IDataObject> = await startSandboxProcess<IDataObject>(
		provider.sandbox,
		{ latencyMs: LATENCY_MS },
	);
	cleanups.push(async () => await sandbox.close());
	const n8n = await N8n.create({ runtime, pack, label: `bench-latency-${provider.sandbox}` });
	cleanups.push(async () => await n8n.dispose());
	// The bench Items node lives in the floor package; its Conductor floor node is not used here.
	const floorInfo: ConductorInfo = {
		baseUrl: String(sandbox.info.baseUrl),
		rootUrl: String(sandbox.info.baseUrl),
		secretKey: 'sk_unused',
		retailerIds: ['unused'],
	};
	installFloorPackage(n8n.userFolder, floorInfo);
	const credential = provider.credential(sandbox.info);
	await n8n.importCredentials([credential]);
	const reference = { id: credential.id, name: credential.name };
	const names = {
		byDefault: `Pack (default ${provider.defaultParallel} in flight)`,
		packSame: `Pack (${SAME_CONCURRENCY} in flight)`,
		httpSame: `HTTP Request (batches of ${SAME_CONCURRENCY})`,
		oneByOne: 'Pack (one by one)',
	};
	const steps = [
		{ count: ITEMS, node: provider.packNode(names.byDefault, reference) },
		{
			count: ITEMS,
			node: withParallel(provider.packNode(names.packSame, reference), SAME_CONCURRENCY),
		},
		...(provider.httpNode
			? [{ count: ITEMS, node: provider.httpNode(names.httpSame, sandbox.info, reference) }]
			: []),
		{
			count: SEQUENTIAL_ITEMS,
			node: withParallel(provider.packNode(names.oneByOne, reference), 1),
		},
	].map((step, index) => ({ ...step, tag: `latency-${provider.sandbox}-${index}` }));
	const workflow = benchChainWorkflow(
		`benchLatency${provider.sandbox}`.slice(0, 16),
		`Bench 6 ${provider.label}`,
		steps,
	);
	await n8n.importWorkflows([workflow]);

	const result = executeToFile(n8n, runtime, workflow.id);
	if (!result.run || result.code !== 0) throw new Error(describeFailure(result));
	const seconds = (name: string) => executionTime(result.run!, name) / 1000;
	for (const step of steps) expect(nodeOutput(result.run, step.node.name)).toHaveLength(step.count);
	const expected = steps.reduce((sum, step) => sum + step.count, 0);
	// Every item paid exactly once.
	expect(provider.moves((await sandbox.summary()).stats)).toBe(expected);

	const byDefault = seconds(names.byDefault);
	const packSame = seconds(names.packSame);
	const httpSame = provider.httpNode ? seconds(names.httpSame) : undefined;
	const oneByOne = seconds(names.oneByOne);
	const sequentialFull = (oneByOne / SEQUENTIAL_ITEMS) * ITEMS;
	const ideal = (ITEMS * LATENCY_MS) / provider.defaultParallel / 1000;
	const rows: Row[] = [
		{
			measure: `${provider.label}: pack one by one, s per ${ITEMS} items (measured on ${SEQUENTIAL_ITEMS})`,
			value: round(sequentialFull, 1),
			unit: 's',
		},
		{
			measure: `${provider.label}: pack at its default (${provider.defaultParallel} in flight), s`,
			value: round(byDefault, 1),
			unit: 's',
			baseline: 'pack one by one',
			baselineValue: sequentialFull,
			target: '≥ 10x faster (≤ 0.1x)',
			met: byDefault <= 0.1 * sequentialFull,
		},
		{
			measure: `${provider.label}: pack at its default, s`,
			value: round(byDefault, 1),
			unit: 's',
			baseline: `ideal items × latency ÷ ${provider.defaultParallel}`,
			baselineValue: ideal,
			target: '≤ 1.2x + the 0-latency cost (20 ms/item)',
			met: byDefault <= 1.2 * ideal + ITEMS * 0.02,
		},
		httpSame === undefined
			? {
					measure: `${provider.label}: pack, ${SAME_CONCURRENCY} in flight, s`,
					value: round(packSame, 1),
					unit: 's',
				}
			: {
					measure: `${provider.label}: pack, ${SAME_CONCURRENCY} in flight, s`,
					value: round(packSame, 1),
					unit: 's',
					baseline: `HTTP Request node, batches of ${SAME_CONCURRENCY}`,
					baselineValue: httpSame,
					target: '≤ 1x (at least as fast)',
					met: packSame <= httpSame,
				},
	];
	const notes = [
		`${provider.label}: HTTP Request node ${httpSame === undefined ? 'not measured' : `${round(httpSame, 1)} s`}; pack at ${SAME_CONCURRENCY} in flight ${round(packSame, 1)} s; pack default ${round(byDefault, 1)} s; pack one by one ${round(oneByOne, 1)} s for ${SEQUENTIAL_ITEMS} items. Every item moved exactly once (${expected} at the sandbox).`,
	];
	return { rows, notes };
}

describe('scenario 6 (real n8n): batches at the speed of the provider', () => {
	const cleanups: Array<() => Promise<void>> = [];
	let pack: PackInfo | undefined;

	afterAll(async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
		if (pack) disposePack(pack);
	});

	it(`pays ${ITEMS} bills and ${ITEMS} requests to pay with ${LATENCY_MS} ms per answer`, async () => {
		const blocked = blocker();
		if (blocked) {
			writeSection({ order: '06', title: TITLE, rows: [], notes: [`Not measured: ${blocked}.`] });
			return;
		}
		const runtime = readRuntime();
		pack = buildPrivatePack();
		const rows: Row[] = [];
		const notes: string[] = [];
		for (const provider of PROVIDERS) {
			const measured = await measure(runtime, pack, provider, cleanups);
			rows.push(...measured.rows);
			notes.push(...measured.notes);
		}
		writeSection({
			order: '06',
			title: TITLE,
			rows,
			notes: [
				...notes,
				`One workflow run per provider: for each measured node a bench Items node (fresh references and keys) then the node; seconds = the node's executionTime. The HTTP Request node's batching option (${SAME_CONCURRENCY} per batch, no interval) is its way to bound concurrency: it sends a batch at once and waits for all of it, so one slow answer holds the batch; the pack keeps ${SAME_CONCURRENCY} in flight and starts the next item as soon as one answers. Each sandbox ran in its own process.`,
			],
		});
	});
});
