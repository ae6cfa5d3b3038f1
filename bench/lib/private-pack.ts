/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
// The package as users get it (`npm pack` of a build), built from the current sources into a
// private staging dir rather than the shared dist/: other work in the repository rebuilds dist/
// (its build starts by deleting it), and a pack taken in the middle of that would be incomplete.
// Same steps as `npm run build` (tsc -p tsconfig.build.json, then gulp build:icons' copies).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readPackageJson, type PackInfo } from '../../test/e2e/lib/pack';
import { REPO_ROOT } from '../../test/e2e/lib/runtime';

const ASSETS: Array<{ from: string; pattern: RegExp }> = [
	{ from: 'nodes', pattern: /\.(png|svg|json)$/ },
	{ from: 'icons', pattern: /\.(png|svg)$/ },
	{ from: 'credentials', pattern: /\.(png|svg)$/ },
];

export function buildPrivatePack(): PackInfo {
	const staging = mkdtempSync(join(tmpdir(), 'payments-pack-bench-build-'));
	const destination = mkdtempSync(join(tmpdir(), 'payments-pack-tgz-'));
	let packed = false;
	try {
		execFileSync(
			process.execPath,
			[
				join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
				'-p',
				join(REPO_ROOT, 'tsconfig.build.json'),
				'--outDir',
				join(staging, 'dist'),
			],
			{ cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
		);
		for (const { from, pattern } of ASSETS) {
			const source = join(REPO_ROOT, from);
			if (!existsSync(source)) continue;
			cpSync(source, join(staging, 'dist', from), {
				recursive: true,
				filter: (path) => !/\.[a-z0-9]+$/i.test(path) || pattern.test(path),
			});
		}
		for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
			if (existsSync(join(REPO_ROOT, file)))
				copyFileSync(join(REPO_ROOT, file), join(staging, file));
		}
		const pkg = readPackageJson();
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			if (!existsSync(join(staging, file))) throw new Error(`${file} was not built`);
		}
		const out = execFileSync(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
			{ cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
		);
		const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
		packed = true;
		return {
			name: pkg.name,
			version: pkg.version,
			tarball: join(destination, filename.replace(/^.*[\\/]/, '')),
			nodes: pkg.n8n.nodes,
			credentials: pkg.n8n.credentials,
		};
	} finally {
		rmSync(staging, { recursive: true, force: true });
		if (!packed) rmSync(destination, { recursive: true, force: true });
	}
}
