/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// The package as users get it: `npm pack` of the built package, unpacked where n8n's own community
// package installer puts it ($N8N_USER_FOLDER/.n8n/nodes/node_modules/<package name>).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from './runtime';

export interface PackInfo {
	name: string;
	version: string;
	tarball: string;
	/** dist-relative node and credential files, from package.json's `n8n` block */
	nodes: string[];
	credentials: string[];
}

export function readPackageJson(): {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
} {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
}

/** Packs the already built package (dist/ must exist: run `npm run build` first). */
export function packPackage(
	destination = fs.mkdtempSync(path.join(os.tmpdir(), 'payments-pack-tgz-')),
): PackInfo {
	const pkg = readPackageJson();
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!fs.existsSync(path.join(REPO_ROOT, file))) {
			throw new Error(`${file} is missing: run \`npm run build\` before packing.`);
		}
	}
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	return {
		name: pkg.name,
		version: pkg.version,
		tarball: path.join(destination, path.basename(filename)),
		nodes: pkg.n8n.nodes,
		credentials: pkg.n8n.credentials,
	};
}

/** Unpacks the tarball into `<userFolder>/.n8n/nodes/node_modules/<name>` (replacing what was there). */
export function installPackInto(userFolder: string, pack: PackInfo): string {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', pack.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', pack.tarball, '-C', target, '--strip-components=1']);
	// n8n's installer also keeps a package.json listing the installed community packages.
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(
			manifest,
			JSON.stringify(
				{ name: 'installed-nodes', private: true, dependencies: { [pack.name]: pack.version } },
				null,
				2,
			),
		);
	}
	return target;
}

/** Removes the temporary directory packPackage() made for the tarball. */
export function disposePack(pack: PackInfo): void {
	const dir = path.dirname(pack.tarball);
	if (path.basename(dir).startsWith('payments-pack-tgz-'))
		fs.rmSync(dir, { recursive: true, force: true });
}
