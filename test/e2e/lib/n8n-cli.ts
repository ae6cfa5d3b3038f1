/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
// The n8n CLI commands the tests run against a user folder, each a fresh process run to completion:
// import:credentials, import:workflow and execute. What they print: n8n-output.ts.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { N8nEnvironment } from './n8n-environment';
import { parseExecuteOutput, tail, type CliResult, type ExecuteResult } from './n8n-output';
import { killGroup, track } from './processes';

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export class N8nCli {
	constructor(private readonly environment: N8nEnvironment) {}

	/** Runs one n8n CLI command to completion. */
	async run(args: string[], timeoutMs = 120_000): Promise<CliResult> {
		const { node24Bin, n8nBin } = this.environment.runtime;
		return await new Promise((resolve, reject) => {
			const child = spawn(node24Bin, [n8nBin, ...args], {
				env: this.environment.env(),
				cwd: this.environment.userFolder,
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			track(child);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const timer = setTimeout(() => {
				killGroup(child, 'SIGKILL');
				reject(
					new Error(
						`n8n ${args.join(' ')} did not finish within ${timeoutMs} ms.\n${tail(stdout + stderr)}`,
					),
				);
			}, timeoutMs);
			child.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			child.on('close', (code) => {
				clearTimeout(timer);
				// The n8n log of the run includes what CLI commands printed (e.g. `n8n execute`): it is
				// swept for secrets with the server's log (test/e2e/lib/setup.ts).
				fs.appendFileSync(this.environment.logFile, `$ n8n ${args[0] ?? ''}\n${stdout}${stderr}\n`);
				resolve({ code, stdout, stderr });
			});
		});
	}

	/** `n8n import:credentials` (plain values; n8n encrypts them with this user folder's key). */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		await this.importFile('import:credentials', 'credentials', credentials);
	}

	/** `n8n import:workflow` of workflow objects in one process (ids kept; imported inactive). */
	async importWorkflows(workflows: Array<Record<string, unknown>>): Promise<void> {
		if (workflows.length === 0) return;
		await this.importFile('import:workflow', 'workflows', workflows);
	}

	/** `n8n execute --id`: a fresh process (sees the installed pack as it is now); parses the printed run. */
	async execute(workflowId: string): Promise<ExecuteResult> {
		const result = await this.run(['execute', `--id=${workflowId}`], 180_000);
		return { ...result, ...parseExecuteOutput(result.stdout + '\n' + result.stderr) };
	}

	/** Writes the objects to a JSON file in the user folder, imports it, and removes it again. */
	private async importFile(command: string, kind: string, objects: unknown[]): Promise<void> {
		const file = path.join(this.environment.userFolder, `${kind}-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(objects, null, 2));
		try {
			const result = await this.run([command, `--input=${file}`]);
			if (result.code !== 0) {
				throw new Error(
					`n8n ${command} --input=${file} failed (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
				);
			}
		} finally {
			fs.rmSync(file, { force: true });
		}
	}
}
