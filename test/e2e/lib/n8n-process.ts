/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// The long-running n8n process of a user folder (`n8n start`, `webhook` or `worker`): started until
// it is ready, stopped (or killed, as a crash) with its task runner.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

import type { N8nCommand, N8nEnvironment } from './n8n-environment';
import { logMessage, tail } from './n8n-output';
import { httpStatus, sleep, stopGroup, track } from './processes';

export interface N8nProcessOptions {
	/** receives every line the process prints */
	onLog?: (line: string) => void;
	/** `n8n worker --concurrency` (worker only) */
	workerConcurrency?: number;
}

/** The line each command logs once it serves (n8n 2.41), and the health route that must answer 200. */
const READY: Record<N8nCommand, { line: string; health: string }> = {
	start: { line: 'Editor is now accessible via', health: '/healthz/readiness' },
	webhook: { line: 'Webhook listener waiting for requests.', health: '/healthz/readiness' },
	worker: { line: 'n8n worker is now ready', health: '/healthz/readiness' },
};

export class N8nProcess {
	private child?: ChildProcess;
	private childExit?: Promise<void>;

	constructor(
		private readonly environment: N8nEnvironment,
		private readonly options: N8nProcessOptions = {},
	) {}

	/**
	 * Starts the process (`n8n start`, `n8n webhook` or `n8n worker`) and waits until it logged that
	 * it serves and its health route answers (for `start`: the editor is accessible, the DB migrated).
	 */
	async start(timeoutMs = 180_000): Promise<void> {
		if (this.child) throw new Error('n8n is already running');
		const { runtime, command, logFile, baseUrl } = this.environment;
		const ready = READY[command];
		const args = [runtime.n8nBin, command];
		if (command === 'worker' && this.options.workerConcurrency)
			args.push(`--concurrency=${this.options.workerConcurrency}`);
		const log = fs.createWriteStream(logFile, { flags: 'a' });
		const child = spawn(runtime.node24Bin, args, {
			env: this.environment.env(),
			cwd: this.environment.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.child = child;
		track(child);
		let serving = false;
		let buffered = '';
		const onData = (chunk: Buffer) => {
			log.write(chunk);
			buffered += chunk.toString();
			const lines = buffered.split('\n');
			buffered = lines.pop() ?? '';
			for (const line of lines) {
				const message = logMessage(line);
				if (message.includes(ready.line)) serving = true;
				this.options.onLog?.(message);
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		this.childExit = new Promise((resolve) =>
			child.on('exit', () => {
				log.end();
				resolve();
			}),
		);
		let exited = false;
		void this.childExit.then(() => (exited = true));

		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited) {
				this.child = undefined;
				throw new Error(
					`n8n ${command} exited before it was ready:\n${tail(this.environment.readLog())}`,
				);
			}
			if (serving && (await httpStatus(`${baseUrl}${ready.health}`)) === 200) return;
			await sleep(250);
		}
		await this.stop();
		throw new Error(
			`n8n ${command} was not ready within ${timeoutMs} ms:\n${tail(this.environment.readLog())}`,
		);
	}

	get running(): boolean {
		return this.child !== undefined;
	}

	/** The process id of the running n8n command (its process group leader). */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Stops the n8n process and its task runner (the whole process group); SIGKILL = a crash. */
	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		const child = this.child;
		if (!child) return;
		this.child = undefined;
		await stopGroup(child, signal, 20_000, this.childExit);
	}
}
