/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: locates the TypeScript sources */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Loads every node and credential the package declares in package.json, from the TypeScript
// sources, so a test runs exactly what n8n would load from dist/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import packageJson from '../../package.json';

export const PACKAGE_NAME = packageJson.name;

export function sourcePathOf(distPath: string): string {
	return join(__dirname, '..', '..', distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

/**
 * Entries whose source does not exist yet are left out here, so one provider in progress does not
 * stop every other test; test/unit/package.test.ts fails on them instead.
 */
function loadClasses<T>(distPaths: string[]): Array<{ name: string; instance: T }> {
	return distPaths
		.filter((distPath) => existsSync(sourcePathOf(distPath)))
		.map((distPath) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exported = require(sourcePathOf(distPath)) as Record<string, new () => T>;
			// Like n8n's loader: the class is the export named after the file.
			const className = distPath
				.split('/')
				.pop()!
				.replace(/\.(node|credentials)\.js$/, '');
			const Class = exported[className];
			if (typeof Class !== 'function') throw new Error(`${distPath} does not export ${className}`);
			return { name: className, instance: new Class() };
		});
}

export function loadPackageNodeTypes(): Map<string, INodeType | IVersionedNodeType> {
	const types = new Map<string, INodeType | IVersionedNodeType>();
	for (const { instance } of loadClasses<INodeType>(packageJson.n8n.nodes)) {
		types.set(`${PACKAGE_NAME}.${instance.description.name}`, instance);
	}
	return types;
}

export function loadPackageCredentialTypes(): Map<string, ICredentialType> {
	const types = new Map<string, ICredentialType>();
	for (const { instance } of loadClasses<ICredentialType>(packageJson.n8n.credentials)) {
		types.set(instance.name, instance);
	}
	return types;
}
