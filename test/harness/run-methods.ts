import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type INodeListSearchResult,
	type INodePropertyOptions,
	type INodeType,
} from 'n8n-workflow';
import { randomUUID } from 'node:crypto';

import type { StoredCredential } from './credentials-helper';
import {
	buildAdditionalData,
	newCredentialsHelper,
	nodeTypes,
	toINode,
	type TestNode,
} from './run-workflow';

function loadOptionsContext(node: TestNode, credentials: StoredCredential[], path: string) {
	const workflowNode = toINode(node);
	const workflow = new Workflow({
		nodes: [workflowNode],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const additionalData = buildAdditionalData(
		newCredentialsHelper(credentials),
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
export async function runLoadOptions(options: {
	node: TestNode;
	method: string;
	credentials?: StoredCredential[];
}): Promise<INodePropertyOptions[]> {
	const { nodeType, context } = loadOptionsContext(
		options.node,
		options.credentials ?? [],
		options.method,
	);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`no loadOptions method ${options.method}`);
	return await method.call(context);
}

/** Calls a node's `methods.listSearch[name]`, as the editor does for a resource locator list. */
export async function runListSearch(options: {
	node: TestNode;
	method: string;
	filter?: string;
	paginationToken?: string;
	credentials?: StoredCredential[];
}): Promise<INodeListSearchResult> {
	const { nodeType, context } = loadOptionsContext(
		options.node,
		options.credentials ?? [],
		options.method,
	);
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`no listSearch method ${options.method}`);
	return await method.call(context, options.filter, options.paginationToken);
}
