/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// Running a benchmark workflow in the real n8n of the e2e layer: `n8n execute` to a file, a node's
// executionTime from the printed run data, and whether the runtime is there at all.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { N8n } from '../../test/e2e/lib/n8n';
import {
	parseExecuteOutput,
	type ExecuteResult,
	type RunData,
} from '../../test/e2e/lib/n8n-output';
import { readRuntime, type RuntimePaths } from '../../test/e2e/lib/runtime';
import { BENCH_ITEMS_TYPE } from './floor-package';

export function executionTime(run: RunData, name: string): number {
	const task = run.data.resultData.runData[name]?.[0] as { executionTime?: number } | undefined;
	if (typeof task?.executionTime !== 'number') throw new Error(`no executionTime for "${name}"`);
	return task.executionTime;
}

/**
 * `n8n execute --id` with its output going to a file rather than a pipe: the run data it prints is
 * many MB here (6000 items), and writes to a pipe that are still pending when n8n exits are lost
 * (N8n.execute() then found no run in one run of three); writes to a file are synchronous.
 */
export function executeToFile(n8n: N8n, runtime: RuntimePaths, workflowId: string): ExecuteResult {
	const file = join(n8n.userFolder, `execute-${workflowId}.log`);
	const fd = openSync(file, 'w');
	try {
		const child = spawnSync(runtime.node24Bin, [runtime.n8nBin, 'execute', `--id=${workflowId}`], {
			env: n8n.env(),
			cwd: n8n.userFolder,
			stdio: ['ignore', fd, fd],
			timeout: 300_000,
			killSignal: 'SIGKILL',
		});
		const output = readFileSync(file, 'utf8');
		return { code: child.status, stdout: output, stderr: '', ...parseExecuteOutput(output) };
	} finally {
		closeSync(fd);
		rmSync(file, { force: true });
	}
}

/** Why the scenario cannot run here, or undefined when it can. */
export function blocker(): string | undefined {
	try {
		const runtime = readRuntime();
		if (!existsSync(runtime.node24Bin) || !existsSync(runtime.n8nBin)) {
			return `the n8n runtime recorded in paths.json is missing (${runtime.n8nBin}); run scripts/n8n.sh`;
		}
	} catch (error) {
		return (error as Error).message;
	}
	return undefined;
}

export type ChainNode = Record<string, unknown> & { name: string };

/**
 * A manual workflow: Start, then for each measured node a bench Items node (`count` fresh items)
 * and the node, each connected to the next.
 */
export function benchChainWorkflow(
	id: string,
	name: string,
	steps: Array<{ count: number; tag: string; node: ChainNode }>,
) {
	const chain: ChainNode[] = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
	];
	for (const step of steps) {
		chain.push({
			name: `Items for ${step.node.name}`,
			type: BENCH_ITEMS_TYPE,
			typeVersion: 1,
			parameters: { count: step.count, tag: step.tag },
		});
		chain.push(step.node);
	}
	const nodes = chain.map((node, index) => ({
		id: `${id}-node-${index}`,
		position: [index * 200, 0],
		...node,
	}));
	const connections: Record<string, unknown> = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1', saveManualExecutions: false },
		nodes,
		connections,
		pinData: {},
	};
}
