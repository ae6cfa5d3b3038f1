/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// What the queue-mode tests share: the scale they run at, batch delivery and waiting for executions.
import * as fs from 'node:fs';

import type { N8n } from '../e2e/lib/n8n';

export interface QueueScale {
	name: 'full' | 'reduced';
	/** workers for the split run (the one-worker run stops all but the first) */
	workers: number;
	/** deliveries per provider and items per delivery */
	batches: number;
	itemsPerBatch: number;
}

/**
 * `npm run test:queue` runs the full scale (2 workers, 200 Conductor + 200 MoMo items per run);
 * PAYMENTS_PACK_QUEUE_SCALE=reduced (what `npm run test:all` and CI use) one worker and 40 + 40.
 */
export function queueScale(): QueueScale {
	return process.env.PAYMENTS_PACK_QUEUE_SCALE === 'reduced'
		? { name: 'reduced', workers: 1, batches: 4, itemsPerBatch: 10 }
		: { name: 'full', workers: 2, batches: 20, itemsPerBatch: 10 };
}

/** POSTs `{ payments }` to a production webhook of the webhook process; returns the status. */
export async function deliverBatch(
	webhook: N8n,
	path: string,
	payments: Array<Record<string, unknown>>,
): Promise<number> {
	const response = await webhook.deliverWebhook(path, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ payments }),
	});
	await response.arrayBuffer();
	return response.status;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) used so far by a live process and its live descendants, from
 * /proc/<pid>/stat (Linux; 0 elsewhere). Descendants by parent id: PostgreSQL's backends leave the
 * postmaster's process group, n8n's task runner does not.
 */
export function treeCpuSeconds(rootPid: number | undefined): number {
	if (rootPid === undefined || !fs.existsSync('/proc/self/stat')) return 0;
	const processes = new Map<number, { parent: number; ticks: number }>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// after the command name: state(3) ppid(4) ... utime(14) stime(15)
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		processes.set(Number(entry), {
			parent: Number(fields[1]),
			ticks: Number(fields[11]) + Number(fields[12]),
		});
	}
	const inTree = (pid: number): boolean => {
		for (let current = pid, depth = 0; current > 1 && depth < 64; depth++) {
			if (current === rootPid) return true;
			current = processes.get(current)?.parent ?? 0;
		}
		return false;
	};
	let ticks = 0;
	for (const [pid, { ticks: own }] of processes) if (inTree(pid)) ticks += own;
	return ticks / CLOCK_TICKS_PER_SECOND;
}
