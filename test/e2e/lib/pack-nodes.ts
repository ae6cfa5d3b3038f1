/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The nodes and credentials the built package declares (package.json `n8n` block), with what the
// editor should show for them: type name, display name, icon, and the Resource options.
import * as path from 'node:path';

import { readPackageJson } from './pack';
import { REPO_ROOT } from './runtime';

export interface PackNode {
	/** `<package name>.<node name>`, as workflows and /types/nodes.json name it */
	type: string;
	name: string;
	displayName: string;
	/** the node's description (the nodes panel shows it under the name) */
	description: string;
	isTrigger: boolean;
	/** the credential types the node accepts */
	credentialTypes: string[];
	/** the `action` labels of every operation (what the nodes panel lists for an action node) */
	actions: string[];
	/** display names of the Resource options (empty for nodes without resources) */
	resources: string[];
	/** a minimal workflow node of this type */
	workflowNode(position: [number, number]): Record<string, unknown>;
}

interface Description {
	name: string;
	displayName: string;
	description: string;
	group: string[];
	credentials?: Array<{ name: string }>;
	version: number | number[];
	properties: Array<{
		name: string;
		options?: Array<{ name: string; value: unknown; action?: string }>;
	}>;
}

async function descriptionOf(file: string): Promise<Description> {
	const module = (await import(path.join(REPO_ROOT, file))) as Record<string, new () => unknown>;
	const NodeClass = Object.values(module).find((value) => typeof value === 'function');
	if (!NodeClass) throw new Error(`${file} exports no node class`);
	const instance = new NodeClass() as {
		description: Description & { defaultVersion?: number };
		nodeVersions?: Record<number, { description: Description }>;
	};
	if (instance.nodeVersions) {
		const version =
			instance.description.defaultVersion ??
			Math.max(...Object.keys(instance.nodeVersions).map(Number));
		return { ...instance.description, ...instance.nodeVersions[version].description };
	}
	return instance.description;
}

export async function packNodes(): Promise<PackNode[]> {
	const pkg = readPackageJson();
	const descriptions = await Promise.all(pkg.n8n.nodes.map(descriptionOf));
	return descriptions.map((description) => {
		const resource = description.properties.find((property) => property.name === 'resource');
		const version = Array.isArray(description.version)
			? Math.max(...description.version)
			: description.version;
		const type = `${pkg.name}.${description.name}`;
		return {
			type,
			name: description.name,
			displayName: description.displayName,
			description: description.description,
			isTrigger: description.group.includes('trigger'),
			resources: (resource?.options ?? []).map((option) => option.name),
			credentialTypes: (description.credentials ?? []).map((credential) => credential.name),
			actions: description.properties
				.filter((property) => property.name === 'operation')
				.flatMap((property) => property.options ?? [])
				.map((option) => option.action ?? option.name),
			workflowNode: (position) => ({
				id: uuidFrom(type),
				name: description.displayName,
				type,
				typeVersion: version,
				position,
				parameters: {},
				...(description.group.includes('trigger')
					? { webhookId: uuidFrom(`webhook:${type}`) }
					: {}),
			}),
		};
	});
}

export async function packCredentialTypes(): Promise<string[]> {
	const pkg = readPackageJson();
	return await Promise.all(
		pkg.n8n.credentials.map(async (file) => {
			const module = (await import(path.join(REPO_ROOT, file))) as Record<
				string,
				new () => { name: string }
			>;
			const CredentialClass = Object.values(module).find((value) => typeof value === 'function');
			if (!CredentialClass) throw new Error(`${file} exports no credential class`);
			return new CredentialClass().name;
		}),
	);
}

export const ALL_NODES_WORKFLOW_ID = 'ppAllPackNodes01';

/**
 * A workflow with a Manual Trigger and one of every node of the pack (inactive), named by their
 * display names: the demo imports it so every node can be opened, the e2e suite opens each panel.
 */
export function allNodesWorkflow(
	nodes: PackNode[],
	id = ALL_NODES_WORKFLOW_ID,
	credentials: Array<{ id: string; name: string; type: string }> = [],
): Record<string, unknown> {
	const perRow = 4;
	return {
		id,
		name: 'Payments pack: every node (to explore)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: uuidFrom('manual-trigger'),
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [-300, 0],
				parameters: {},
			},
			...nodes.map((node, index) => {
				const workflowNode = node.workflowNode([
					(index % perRow) * 300,
					Math.floor(index / perRow) * 250,
				]);
				// the imported sandbox credential, where there is one for this node
				const credential = credentials.find((candidate) =>
					node.credentialTypes.includes(candidate.type),
				);
				if (credential) {
					workflowNode.credentials = {
						[credential.type]: { id: credential.id, name: credential.name },
					};
				}
				return workflowNode;
			}),
		],
		connections: {},
	};
}

function uuidFrom(text: string): string {
	const hex = Array.from({ length: 4 }, (_, round) =>
		(hash(`${round}:${text}`) >>> 0).toString(16).padStart(8, '0'),
	).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function hash(text: string): number {
	let value = 0;
	for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
	return value;
}
