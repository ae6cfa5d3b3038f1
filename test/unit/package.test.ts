/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import packageJson from '../../package.json';
import {
	loadPackageCredentialTypes,
	loadPackageNodeTypes,
	PACKAGE_NAME,
	sourcePathOf,
} from '../harness/package-types';

const root = join(__dirname, '..', '..');

describe('the package n8n loads', () => {
	it('is a community node package n8n accepts', () => {
		expect(PACKAGE_NAME).toMatch(/^n8n-nodes-/);
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.n8n.n8nNodesApiVersion).toBe(1);
		expect(packageJson.n8n.strict).toBe(true);
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson).not.toHaveProperty('dependencies');
		expect(packageJson.files).toEqual(['dist']);
	});

	it('lists only nodes and credentials whose source exists and exports the class n8n looks for', () => {
		const listed = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials];
		for (const distPath of listed) expect(existsSync(sourcePathOf(distPath))).toBe(true);
		expect(loadPackageNodeTypes().size).toBe(packageJson.n8n.nodes.length);
		expect(loadPackageCredentialTypes().size).toBe(packageJson.n8n.credentials.length);
	});

	it('gives every node and credential an icon file that exists, light and dark', () => {
		const icons: string[] = [];
		for (const nodeType of loadPackageNodeTypes().values()) {
			const { icon } = nodeType.description;
			expect(icon).toEqual({ light: expect.any(String), dark: expect.any(String) });
			icons.push(...Object.values(icon as Record<string, string>));
		}
		for (const credentialType of loadPackageCredentialTypes().values()) {
			icons.push(...Object.values(credentialType.icon as Record<string, string>));
			expect(credentialType.test).toBeDefined();
		}
		for (const icon of icons) {
			const file = join(root, 'icons', icon.replace(/^file:(\.\.\/)+icons\//, ''));
			expect(readFileSync(file, 'utf8')).toContain('<svg');
		}
	});

	it('has a codex file next to every node', () => {
		for (const distPath of packageJson.n8n.nodes) {
			const codex = sourcePathOf(distPath).replace(/\.ts$/, '.json');
			const parsed = JSON.parse(readFileSync(codex, 'utf8')) as { node: string };
			expect(parsed.node).toMatch(new RegExp(`^${PACKAGE_NAME}\\.`));
		}
	});
});
