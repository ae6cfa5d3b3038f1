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
	isTrigger: boolean;
	/** display names of the Resource options (empty for nodes without resources) */
	resources: string[];
	/** a minimal workflow node of this type */
	workflowNode(position: [number, number]): Record<string, unknown>;
}

interface Description {
	name: string;
	displayName: string;
	group: string[];
	version: number | number[];
	properties: Array<{ name: string; options?: Array<{ name: string; value: unknown }> }>;
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
			isTrigger: description.group.includes('trigger'),
			resources: (resource?.options ?? []).map((option) => option.name),
			workflowNode: (position) => ({
				id: `00000000-0000-4000-8000-${String(Math.abs(hash(type)))
					.padStart(12, '0')
					.slice(0, 12)}`,
				name: description.displayName,
				type,
				typeVersion: version,
				position,
				parameters: {},
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

function hash(text: string): number {
	let value = 0;
	for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
	return value;
}
