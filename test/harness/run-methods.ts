import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type INodeListSearchResult,
	type INodePropertyOptions,
	type INodeType,
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

interface MethodCall {
	node: TestNode;
	method: string;
	credentials?: StoredCredential[];
	/** A helper of its own (e.g. one that knows OAuth2), instead of one over `credentials`. */
	credentialsHelper?: TestCredentialsHelper;
}

function loadOptionsContext({ node, credentials, credentialsHelper, method: path }: MethodCall) {
	const workflowNode = toINode(node);
	const workflow = new Workflow({
		nodes: [workflowNode],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const additionalData = buildAdditionalData(
		credentialsHelper ?? newCredentialsHelper(credentials ?? []),
		undefined,
		randomUUID(),
	);
	const nodeType = nodeTypes.getByNameAndVersion(workflowNode.type) as INodeType;
	return {
		nodeType,
		context: new LoadOptionsContext(workflow, workflowNode, additionalData, path),
	};
}

/** Calls a node's `methods.loadOptions[name]`, as the editor does to fill a dropdown. */
export async function runLoadOptions(options: MethodCall): Promise<INodePropertyOptions[]> {
	const { nodeType, context } = loadOptionsContext(options);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`no loadOptions method ${options.method}`);
	return await method.call(context);
}

/** Calls a node's `methods.listSearch[name]`, as the editor does for a resource locator list. */
export async function runListSearch(
	options: MethodCall & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { nodeType, context } = loadOptionsContext(options);
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`no listSearch method ${options.method}`);
	return await method.call(context, options.filter, options.paginationToken);
}
