/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// `n8n-nodes-bench-floor`: a bench-only community package written to a temp dir at run time and
// unpacked next to the pack under the n8n user folder (.n8n/nodes/node_modules), never committed.
// Two nodes:
// - Bench Items: emits `count` fresh { reference, idempotencyKey } items, whatever its input is
//   (so one workflow can feed each measured node its own items without a Code node / task runner);
// - Bench Floor: n8n's bare `this.helpers.httpRequest` per item, with no credential and no
//   parameter read per item: the floor any node that goes through n8n's helpers pays.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { transactionBody, transactionHeaders, type ConductorInfo } from './conductor';

export const FLOOR_PACKAGE = 'n8n-nodes-bench-floor';
export const BENCH_ITEMS_TYPE = `${FLOOR_PACKAGE}.benchItems`;
export const BENCH_FLOOR_TYPE = `${FLOOR_PACKAGE}.benchFloor`;

const ITEMS_NODE = `'use strict';
const { randomUUID } = require('node:crypto');
class BenchItems {
	constructor() {
		this.description = {
			displayName: 'Bench Items',
			name: 'benchItems',
			group: ['transform'],
			version: 1,
			description: 'Emits count fresh items (bench only)',
			defaults: { name: 'Bench Items' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [
				{ displayName: 'Count', name: 'count', type: 'number', default: 1000 },
				{ displayName: 'Tag', name: 'tag', type: 'string', default: 'bench' },
			],
		};
	}
	async execute() {
		const count = this.getNodeParameter('count', 0);
		const tag = this.getNodeParameter('tag', 0);
		const run = randomUUID().slice(0, 8);
		const items = [];
		for (let index = 0; index < count; index++) {
			items.push({
				json: { reference: 'bench-' + tag + '-' + run + '-' + index, idempotencyKey: randomUUID() },
				pairedItem: { item: 0 },
			});
		}
		return [items];
	}
}
module.exports = { BenchItems };
`;

/** The floor node, with the sandbox's headers and bill baked in exactly as scenario 1 sends them. */
function floorNode(info: ConductorInfo): string {
	const headers = transactionHeaders(info, '');
	const body = transactionBody('');
	return `'use strict';
const HEADERS = ${JSON.stringify(headers)};
const BODY = ${JSON.stringify(body)};
const URL = ${JSON.stringify(`${info.baseUrl}/transactions`)};
class BenchFloor {
	constructor() {
		this.description = {
			displayName: 'Bench Floor',
			name: 'benchFloor',
			group: ['transform'],
			version: 1,
			description: 'Sends each item with helpers.httpRequest and nothing else (bench only)',
			defaults: { name: 'Bench Floor' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		};
	}
	async execute() {
		const items = this.getInputData();
		const output = [];
		for (let index = 0; index < items.length; index++) {
			const { reference, idempotencyKey } = items[index].json;
			const body = await this.helpers.httpRequest({
				method: 'POST',
				url: URL,
				headers: { ...HEADERS, 'Idempotency-Key': idempotencyKey },
				body: { ...BODY, external_reference: reference },
				json: true,
			});
			output.push({ json: body.data ?? body, pairedItem: { item: index } });
		}
		return [output];
	}
}
module.exports = { BenchFloor };
`;
}

/**
 * Writes the package in a temp dir, copies it to `<userFolder>/.n8n/nodes/node_modules/
 * n8n-nodes-bench-floor` (where the pack is unpacked) and lists it in the installed-nodes manifest
 * beside the pack.
 */
export function installFloorPackage(userFolder: string, info: ConductorInfo): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', FLOOR_PACKAGE);
	const source = mkdtempSync(join(tmpdir(), 'payments-pack-bench-floor-'));
	try {
		writePackage(source, info);
		cpSync(source, target, { recursive: true });
	} finally {
		rmSync(source, { recursive: true, force: true });
	}
	const manifest = join(nodesDir, 'package.json');
	const installed = JSON.parse(readFileSync(manifest, 'utf8')) as {
		dependencies?: Record<string, string>;
	};
	installed.dependencies = { ...installed.dependencies, [FLOOR_PACKAGE]: '0.0.0' };
	writeFileSync(manifest, JSON.stringify(installed, null, 2));
	return target;
}

function writePackage(target: string, info: ConductorInfo): void {
	mkdirSync(join(target, 'dist'), { recursive: true });
	writeFileSync(
		join(target, 'package.json'),
		JSON.stringify(
			{
				name: FLOOR_PACKAGE,
				version: '0.0.0',
				private: true,
				main: 'index.js',
				keywords: ['n8n-community-node-package'],
				n8n: {
					n8nNodesApiVersion: 1,
					nodes: ['dist/BenchItems.node.js', 'dist/BenchFloor.node.js'],
					credentials: [],
				},
			},
			null,
			2,
		),
	);
	writeFileSync(join(target, 'index.js'), 'module.exports = {};\n');
	writeFileSync(join(target, 'dist', 'BenchItems.node.js'), ITEMS_NODE);
	writeFileSync(join(target, 'dist', 'BenchFloor.node.js'), floorNode(info));
}
