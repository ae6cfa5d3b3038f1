/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
// Where the pinned n8n, its Node 24 and chromium live: scripts/n8n.sh installs them into a cache
// directory outside the repository and records the paths in <cache>/paths.json.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..').replace(/[\\/]dist-test$/, '');

export interface RuntimePaths {
	node24Bin: string;
	node24Dir: string;
	n8nHome: string;
	n8nBin: string;
	n8nVersion: string;
	chromium: string;
}

export function cacheDir(): string {
	return process.env.PAYMENTS_PACK_CACHE || path.join(os.homedir(), '.cache', 'n8n-payments-pack');
}

/** Runs scripts/n8n.sh (idempotent: a second of work when everything is cached) and returns the paths. */
export function ensureRuntime(options: { chromium?: boolean } = {}): RuntimePaths {
	const args = [path.join(REPO_ROOT, 'scripts', 'n8n.sh'), '--quiet'];
	if (options.chromium) args.push('--with-chromium');
	const result = spawnSync('bash', args, { stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) {
		throw new Error(`scripts/n8n.sh failed (exit ${result.status}); its message is above.`);
	}
	return readRuntime();
}

export function readRuntime(): RuntimePaths {
	const file = path.join(cacheDir(), 'paths.json');
	if (!fs.existsSync(file)) {
		throw new Error(`${file} is missing: run scripts/n8n.sh first to install n8n and Node 24.`);
	}
	const paths = JSON.parse(fs.readFileSync(file, 'utf8')) as RuntimePaths;
	for (const key of ['node24Bin', 'n8nBin'] as const) {
		if (!fs.existsSync(paths[key])) {
			throw new Error(`${paths[key]} (${key}) is missing: run scripts/n8n.sh again.`);
		}
	}
	return paths;
}
