// Waiting on a real n8n: for a condition, and for a workflow's executions to exist and be finished
// (a trigger answers before its run ends; a queue-mode run may still sit in Redis).
import type { N8n } from './n8n';
import type { ExecutionSummary } from './n8n-api-client';
import { sleep } from './processes';

/** Polls until `check` holds; returns whether it did in time. */
export async function waitUntil(
	check: () => boolean | Promise<boolean>,
	timeoutMs: number,
	intervalMs = 200,
): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return true;
		if (Date.now() > deadline) return false;
		await sleep(intervalMs);
	}
}

const UNFINISHED = ['new', 'running', 'waiting', 'unknown'];

/**
 * Waits until the workflow has at least `count` executions and none is unfinished; returns them
 * (newest first) as they are then, also when the time ran out.
 */
export async function waitForFinishedExecutions(
	n8n: N8n,
	workflowId: string,
	count: number,
	timeoutMs: number,
	options: { includeData?: boolean; intervalMs?: number } = {},
): Promise<ExecutionSummary[]> {
	let executions: ExecutionSummary[] = [];
	await waitUntil(
		async () => {
			executions = await n8n.executions(workflowId, {
				includeData: options.includeData ?? false,
				limit: 250,
			});
			return executions.length >= count && !executions.some((e) => UNFINISHED.includes(e.status));
		},
		timeoutMs,
		options.intervalMs ?? 500,
	);
	return executions;
}
