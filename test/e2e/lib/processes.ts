/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Child processes of the real-n8n layer (n8n, PostgreSQL, Redis): tracked so that none outlives the
// test process, killed by process group; free ports; waiting.
import type { ChildProcess } from 'node:child_process';
import * as net from 'node:net';

/** Every process group still running (n8n, PostgreSQL, Redis), still running, killed when this process exits however it exits. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;
export function track(child: ChildProcess): void {
	if (child.pid === undefined) return;
	const pid = child.pid;
	liveGroups.add(pid);
	child.on('exit', () => liveGroups.delete(pid));
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.on('exit', () => {
			for (const group of liveGroups) {
				try {
					process.kill(-group, 'SIGKILL');
				} catch {
					// already gone
				}
			}
		});
	}
}

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

/** Resolves when the process has exited (at once if it already has). */
export function waitForExit(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.once('exit', () => resolve());
	});
}

/**
 * Signals the child's process group and waits for the child to exit (`exited`, when the caller
 * also waits for its own clean-up); SIGKILL to the group when it takes longer than `graceMs`.
 */
export async function stopGroup(
	child: ChildProcess,
	signal: NodeJS.Signals,
	graceMs: number,
	exited: Promise<void> = waitForExit(child),
): Promise<void> {
	killGroup(child, signal);
	let timer: NodeJS.Timeout | undefined;
	const done = await Promise.race([
		exited.then(() => true),
		new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
	]);
	clearTimeout(timer);
	if (!done) {
		killGroup(child, 'SIGKILL');
		await exited;
	}
}

export async function httpStatus(url: string): Promise<number> {
	try {
		const response = await fetch(url);
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 0;
	}
}
