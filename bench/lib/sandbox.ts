/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
// Parent side of bench/sandbox-child.ts: a provider sandbox in a child `node` process on 127.0.0.1,
// pinned to the second core when the machine has one (the benchmark runs pinned to the first).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
const CHILD_SCRIPT = join(REPO_ROOT, 'dist-test', 'bench', 'sandbox-child.js');
export const TASKSET = '/usr/bin/taskset';

export interface RequestSummary {
	total: number;
	byRoute: Record<string, number>;
	byStatus: Record<string, number>;
	stats: Record<string, unknown>;
}

export interface SandboxProcess<Info> {
	info: Info;
	pinned: boolean;
	summary(): Promise<RequestSummary>;
	reset(): Promise<void>;
	setRateLimit(limit: { limit: number; windowMs: number }): Promise<void>;
	close(): Promise<void>;
}

/** Whether the sandbox goes on core 1 and the benchmark on core 0. */
export function canPin(): boolean {
	return cpus().length >= 2 && existsSync(TASKSET);
}

export async function startSandboxProcess<Info = Record<string, unknown>>(
	provider: 'conductor' | 'memento' | 'momento' | 'momo' | 'monerium',
	options: Record<string, unknown> = {},
): Promise<SandboxProcess<Info>> {
	if (!existsSync(CHILD_SCRIPT)) {
		throw new Error(`${CHILD_SCRIPT} is missing: run \`npm run bench\` (it compiles it first).`);
	}
	const pinned = canPin();
	const args = [CHILD_SCRIPT, provider, JSON.stringify(options)];
	const child: ChildProcess = pinned
		? spawn(TASKSET, ['-c', '1', process.execPath, ...args], {
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			})
		: spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

	let nextId = 1;
	const pending = new Map<number, (value: unknown) => void>();
	const info = await new Promise<Info>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`${provider} sandbox exited (${code})`)));
		child.on(
			'message',
			(message: { ready?: boolean; info?: Info; id?: number; result?: unknown }) => {
				if (message.ready) resolve(message.info as Info);
				else if (message.id !== undefined) {
					pending.get(message.id)?.(message.result);
					pending.delete(message.id);
				}
			},
		);
	});
	child.removeAllListeners('exit');

	const call = async <T>(op: string, args?: unknown): Promise<T> =>
		await new Promise<T>((resolve, reject) => {
			const id = nextId++;
			pending.set(id, resolve as (value: unknown) => void);
			child.send({ id, op, args }, (error) => error && reject(error));
		});

	return {
		info,
		pinned,
		summary: async () => await call<RequestSummary>('summary'),
		reset: async () => {
			await call('reset');
		},
		setRateLimit: async (limit) => {
			await call('setRateLimit', limit);
		},
		close: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.send({ id: 0, op: 'close' });
			await exited;
		},
	};
}

/** Requests of a summary whose route matches. */
export function countRoutes(summary: RequestSummary, pattern: RegExp): number {
	return Object.entries(summary.byRoute)
		.filter(([route]) => pattern.test(route))
		.reduce((sum, [, count]) => sum + count, 0);
}
