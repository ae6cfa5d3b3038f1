import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	type IBinaryKeyData,
	type IConnections,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { randomUUID } from 'node:crypto';

import { TestCredentialsHelper, type StoredCredential } from './credentials-helper';
import { TestJournal, useJournal } from './journal';
import { PACKAGE_NAME, loadPackageCredentialTypes, loadPackageNodeTypes } from './package-types';

/** Feeds the test's items into the workflow, like a Manual Trigger followed by a Set node. */
class TestItemsNode implements INodeType {
	description = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits the items given in its parameters',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0, '[]') as string) as IDataObject[];
		// An item's `$binary` ({ field: { data: base64, mimeType, fileName } }) becomes its binary data.
		return [
			items.map(({ $binary, ...json }, index) => ({
				json,
				...($binary ? { binary: $binary as unknown as IBinaryKeyData } : {}),
				pairedItem: { item: index },
			})),
		];
	}
}

const ITEMS_NODE_TYPE = 'test.testItems';

/**
 * Loop Over Items with a batch size, as n8n's SplitInBatches v3 behaves: output 0 "done" gets every
 * item that came back once the input is used up, output 1 "loop" gets the next batch. Its state lives
 * in the node's execution context, like the real node's.
 */
class TestLoopNode implements INodeType {
	description = {
		displayName: 'Loop Over Items',
		name: 'loopOverItems',
		group: ['organization'],
		version: 1,
		description: 'Feeds items to the loop one batch at a time',
		defaults: { name: 'Loop' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['done', 'loop'],
		properties: [{ displayName: 'Batch Size', name: 'batchSize', type: 'number', default: 1 }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const batchSize = this.getNodeParameter('batchSize', 0, 1) as number;
		const state = this.getContext('node') as {
			pending?: INodeExecutionData[];
			processed?: INodeExecutionData[];
		};
		const input = this.getInputData();
		if (state.pending === undefined) {
			state.pending = input.map((item, index) => ({
				json: item.json,
				pairedItem: { item: index },
			}));
			state.processed = [];
		} else {
			state.processed!.push(...input.map((item) => ({ json: item.json, pairedItem: { item: 0 } })));
		}
		const batch = state.pending.splice(0, batchSize);
		if (batch.length === 0) return [state.processed!, []];
		return [[], batch];
	}
}

const LOOP_NODE_TYPE = 'test.loopOverItems';

export class TestNodeTypes implements INodeTypes {
	private readonly types = loadPackageNodeTypes();

	constructor() {
		this.types.set(ITEMS_NODE_TYPE, new TestItemsNode());
		this.types.set(LOOP_NODE_TYPE, new TestLoopNode());
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.types.get(type);
		if (!nodeType) throw new Error(`unknown node type ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type) as INodeType;
	}

	/** Test-only node types (e.g. to exercise the harness itself). */
	register(type: string, nodeType: INodeType): void {
		this.types.set(type, nodeType);
	}

	getKnownTypes() {
		return {};
	}
}

export interface TestNode {
	name: string;
	/** Stable node id (defaults to node-<position>); part of derived idempotency keys. */
	id?: string;
	/** For trigger nodes with webhooks: the id n8n puts in the production URL. */
	webhookId?: string;
	/** A node of the pack by its short name (e.g. `momentConductor`), or a full type name. */
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, string>;
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

export interface RunOptions {
	/** Items the first node receives; each becomes one input item. */
	items?: IDataObject[];
	/** Nodes in order; each is connected to the next one's main input. */
	nodes: TestNode[];
	credentials?: StoredCredential[];
	/** Re-use a helper to keep credential state (tokens) between runs. */
	credentialsHelper?: TestCredentialsHelper;
	executionId?: string;
	staticData?: IDataObject;
	/**
	 * n8n's deduplication store (the node's journal of money moves). Pass the same one to several
	 * runs to model executions of one n8n (e.g. n8n's Retry of a failed execution); by default each
	 * run has a fresh one.
	 */
	journal?: TestJournal;
	/**
	 * Connections [from, output, to] instead of the default chain Items -> nodes[0] -> nodes[1]...
	 * ("Items" is the node that emits the test's items).
	 */
	links?: Array<[from: string, output: number, to: string]>;
}

export interface RunResult {
	run: IRun;
	executionId: string;
	journal: TestJournal;
	credentialsHelper: TestCredentialsHelper;
	/** Items output by a node on its first run (main output 0 unless given). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** Output item json, the common case. */
	json(nodeName: string): IDataObject[];
	error: (Error & { description?: string; context?: IDataObject; httpCode?: string }) | undefined;
	nodeRuns(nodeName: string): number;
	/** Output items of every run of a node (e.g. inside a loop), in order. */
	allRuns(nodeName: string, outputIndex?: number): INodeExecutionData[];
}

export const nodeTypes = new TestNodeTypes();
const credentialTypes = loadPackageCredentialTypes();

export function newCredentialsHelper(credentials: StoredCredential[] = []): TestCredentialsHelper {
	return new TestCredentialsHelper(credentialTypes, credentials);
}

export const TEST_INSTANCE_URL = 'http://127.0.0.1:5678';

/** The parts of n8n's additionalData a node can reach, with test URLs. */
export function buildAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks | undefined,
	executionId: string,
	extras: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${TEST_INSTANCE_URL}/rest`,
		instanceBaseUrl: `${TEST_INSTANCE_URL}/`,
		webhookBaseUrl: `${TEST_INSTANCE_URL}/webhook`,
		webhookWaitingBaseUrl: `${TEST_INSTANCE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${TEST_INSTANCE_URL}/webhook-test`,
		formBaseUrl: `${TEST_INSTANCE_URL}/form`,
		formWaitingBaseUrl: `${TEST_INSTANCE_URL}/form-waiting`,
		formTestBaseUrl: `${TEST_INSTANCE_URL}/form-test`,
		mcpBaseUrl: `${TEST_INSTANCE_URL}/mcp`,
		mcpTestBaseUrl: `${TEST_INSTANCE_URL}/mcp-test`,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('task runners are not used in these tests');
		},
		...extras,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A test node as n8n stores it in a workflow. */
export function toINode(node: TestNode, index = 0): INode {
	const credentials = Object.fromEntries(
		Object.entries(node.credentials ?? {}).map(([type, id]) => [
			type,
			{ id, name: `${type} ${id}` },
		]),
	);
	return {
		id: node.id ?? `node-${index}`,
		name: node.name,
		type: node.type.includes('.') ? node.type : `${PACKAGE_NAME}.${node.type}`,
		typeVersion: 1,
		position: [index * 200, 0],
		parameters: node.parameters as INode['parameters'],
		credentials,
		webhookId: node.webhookId,
		continueOnFail: node.continueOnFail,
		retryOnFail: node.retryOnFail,
		maxTries: node.maxTries,
		waitBetweenTries: node.waitBetweenTries,
	};
}

function toWorkflowNodes(options: RunOptions): { nodes: INode[]; connections: IConnections } {
	const start: INode = {
		id: 'items',
		name: 'Items',
		type: ITEMS_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.items ?? [{}]) },
	};
	const nodes: INode[] = [start];
	for (const [index, node] of options.nodes.entries()) nodes.push(toINode(node, index + 1));
	const links =
		options.links ??
		nodes
			.slice(1)
			.map((node, index): [string, number, string] => [nodes[index].name, 0, node.name]);
	const connections: IConnections = {};
	for (const [from, output, to] of links) {
		const outputs = (connections[from] ??= { main: [] }).main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output]!.push({ node: to, type: NodeConnectionTypes.Main, index: 0 });
	}
	return { nodes, connections };
}

/** Runs the nodes through n8n-core's WorkflowExecute, as a manual execution in n8n would. */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const executionId = options.executionId ?? randomUUID();
	const { nodes, connections } = toWorkflowNodes(options);
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: options.staticData ?? {},
		settings: { executionOrder: 'v1' },
	});
	const credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = buildAdditionalData(credentialsHelper, hooks, executionId);
	const journal = await useJournal(options.journal);

	const run = await new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: workflow.getNode('Items') ?? undefined,
	});
	const runData = run.data.resultData.runData;
	const output = (nodeName: string, outputIndex = 0) =>
		runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [];
	return {
		run,
		executionId,
		journal,
		credentialsHelper,
		output,
		json: (nodeName: string) => output(nodeName).map((item) => item.json),
		error: run.data.resultData.error as RunResult['error'],
		nodeRuns: (nodeName: string) => runData[nodeName]?.length ?? 0,
		allRuns: (nodeName: string, outputIndex = 0) =>
			(runData[nodeName] ?? []).flatMap((task) => task.data?.main?.[outputIndex] ?? []),
	};
}
