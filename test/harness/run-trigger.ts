import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IWebhookData,
	type IWebhookDescription,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { randomUUID } from 'node:crypto';

import type { StoredCredential, TestCredentialsHelper } from './credentials-helper';
import {
	buildAdditionalData,
	newCredentialsHelper,
	nodeTypes,
	toINode,
	type TestNode,
} from './run-workflow';

/**
 * Triggers are not run by WorkflowExecute: n8n's server calls `webhook()`, `webhookMethods` and
 * `poll()` itself. These helpers build the same contexts n8n-core gives a node in those calls.
 */

type WebhookName = 'default' | 'setup';

interface TriggerSetup {
	node: TestNode;
	credentials?: StoredCredential[];
	credentialsHelper?: TestCredentialsHelper;
	/** Workflow static data; pass the same object to later calls to keep what the node stored. */
	staticData?: IDataObject;
	/** Base of the production webhook URLs (default http://127.0.0.1:5678/webhook). */
	webhookBaseUrl?: string;
}

function setUp(setup: TriggerSetup, extras: Partial<IWorkflowExecuteAdditionalData> = {}) {
	const node = toINode({ webhookId: randomUUID(), ...setup.node });
	const staticData = setup.staticData ?? {};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1' },
	});
	const credentialsHelper = setup.credentialsHelper ?? newCredentialsHelper(setup.credentials);
	const additionalData = buildAdditionalData(credentialsHelper, undefined, randomUUID(), {
		...(setup.webhookBaseUrl ? { webhookBaseUrl: setup.webhookBaseUrl } : {}),
		...extras,
	});
	const nodeType = nodeTypes.getByNameAndVersion(node.type) as INodeType;
	return { node, workflow, staticData, credentialsHelper, additionalData, nodeType };
}

function resolveMethod(workflow: Workflow, node: INode, value: string): string {
	if (!value.startsWith('=')) return value;
	return String(workflow.expression.getSimpleParameterValue(node, value, 'internal', {}));
}

function webhookDataFor(
	workflow: Workflow,
	node: INode,
	nodeType: INodeType,
	additionalData: IWorkflowExecuteAdditionalData,
	name: WebhookName,
	method?: string,
): IWebhookData {
	const candidates = (nodeType.description.webhooks ?? []).filter(
		(description) => description.name === name,
	);
	const description: IWebhookDescription | undefined =
		candidates.find(
			(candidate) =>
				method === undefined ||
				resolveMethod(workflow, node, String(candidate.httpMethod)).toUpperCase() ===
					method.toUpperCase(),
		) ?? undefined;
	if (!description) {
		throw new Error(`${node.type} has no "${name}" webhook answering ${method ?? 'any method'}`);
	}
	return {
		httpMethod: resolveMethod(workflow, node, String(description.httpMethod)) as never,
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
}

export interface WebhookRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
	headers?: Record<string, string>;
	query?: IDataObject;
	params?: IDataObject;
	/** Parsed body, as n8n's server hands it to the node. */
	body?: unknown;
	/** The bytes that arrived; defaults to the JSON of `body`. */
	rawBody?: Buffer;
}

export interface WebhookOutcome {
	/** What the HTTP client got back. */
	statusCode: number;
	responseBody: unknown;
	responseHeaders: Record<string, string>;
	/** Items the trigger started the workflow with; undefined when it started nothing. */
	emitted: INodeExecutionData[][] | undefined;
	noWebhookResponse: boolean;
	staticData: IDataObject;
}

/** A stand-in for the express response n8n passes: records what the node writes. */
function recordingResponse() {
	const recorded = {
		statusCode: 200,
		body: undefined as unknown,
		headers: {} as Record<string, string>,
		ended: false,
	};
	const response = {
		status(code: number) {
			recorded.statusCode = code;
			return response;
		},
		setHeader(name: string, value: string) {
			recorded.headers[name.toLowerCase()] = value;
			return response;
		},
		header(name: string, value: string) {
			return response.setHeader(name, value);
		},
		json(body: unknown) {
			recorded.body = body;
			recorded.ended = true;
			return response;
		},
		send(body?: unknown) {
			recorded.body = body;
			recorded.ended = true;
			return response;
		},
		end(body?: unknown) {
			if (body !== undefined) recorded.body = body;
			recorded.ended = true;
			return response;
		},
	};
	return { response, recorded };
}

/** Delivers one HTTP request to a trigger node's `webhook()`, as n8n's webhook server would. */
export async function runWebhook(
	setup: TriggerSetup & {
		request: WebhookRequest;
		webhookName?: WebhookName;
		mode?: WorkflowExecuteMode;
	},
): Promise<WebhookOutcome> {
	const { request } = setup;
	const body = request.body ?? {};
	const rawBody =
		request.rawBody ?? Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
	const headers = Object.fromEntries(
		Object.entries(request.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
	);
	const httpRequest = {
		method: request.method,
		headers,
		query: request.query ?? {},
		params: request.params ?? {},
		body,
		rawBody,
		readRawBody: async () => undefined,
	};
	const { response, recorded } = recordingResponse();
	const context = setUp(setup, {
		httpRequest: httpRequest as never,
		httpResponse: response as never,
	});
	const webhookData = webhookDataFor(
		context.workflow,
		context.node,
		context.nodeType,
		context.additionalData,
		setup.webhookName ?? 'default',
		request.method,
	);
	const webhookContext = new WebhookContext(
		context.workflow,
		context.node,
		context.additionalData,
		setup.mode ?? 'webhook',
		webhookData,
		[],
		null,
	);
	if (!context.nodeType.webhook) throw new Error(`${context.node.type} has no webhook()`);
	const result = await context.nodeType.webhook.call(webhookContext);
	const noWebhookResponse = result.noWebhookResponse === true;
	if (!noWebhookResponse && !recorded.ended) {
		recorded.body = result.webhookResponse ?? { message: 'Workflow was started' };
	}
	return {
		statusCode: recorded.statusCode,
		responseBody: recorded.body,
		responseHeaders: recorded.headers,
		emitted: result.workflowData,
		noWebhookResponse,
		staticData: context.staticData,
	};
}

/** Runs a webhook lifecycle method (checkExists / create / delete) as activation does. */
export async function runWebhookMethod(
	setup: TriggerSetup & { method: 'checkExists' | 'create' | 'delete'; webhookName?: WebhookName },
): Promise<{ result: boolean; staticData: IDataObject; webhookUrl: string }> {
	const context = setUp(setup);
	const name = setup.webhookName ?? 'default';
	const webhookData = webhookDataFor(
		context.workflow,
		context.node,
		context.nodeType,
		context.additionalData,
		name,
	);
	const hookContext = new HookContext(
		context.workflow,
		context.node,
		context.additionalData,
		'trigger',
		'activate',
		webhookData,
	);
	const method = context.nodeType.webhookMethods?.[name]?.[setup.method];
	if (!method)
		throw new Error(`${context.node.type} has no webhookMethods.${name}.${setup.method}`);
	const result = await method.call(hookContext);
	return {
		result,
		staticData: context.staticData,
		webhookUrl: hookContext.getNodeWebhookUrl(name) ?? '',
	};
}

/** Runs a polling trigger's `poll()` once, as n8n's poll schedule (or a manual test) does. */
export async function runPoll(
	setup: TriggerSetup & { mode?: 'manual' | 'trigger' },
): Promise<{ items: INodeExecutionData[][] | null; staticData: IDataObject }> {
	const context = setUp(setup);
	const pollContext = new PollContext(
		context.workflow,
		context.node,
		context.additionalData,
		setup.mode ?? 'trigger',
		'activate',
	);
	if (!context.nodeType.poll) throw new Error(`${context.node.type} has no poll()`);
	const items = await context.nodeType.poll.call(pollContext);
	return { items, staticData: context.staticData };
}
