// One real n8n (the pinned 2.41.1 under Node 24) as the e2e and queue suites, the benchmarks, the
// demo, `npm run queue` and the screenshots drive it. This class only puts the parts together for
// one user folder and forwards to them:
//   n8n-environment.ts  the user folder with the pack, the ports, the log, the env of every command
//   n8n-cli.ts          import:credentials, import:workflow, execute
//   n8n-process.ts      the long-running `n8n start` / `webhook` / `worker`: start until ready, stop
//   n8n-api-client.ts   REST and public API (owner, API key, executions, activation), webhooks
import { N8nApiClient, type ExecutionSummary, type Owner } from './n8n-api-client';
import { N8nCli, type CredentialImport } from './n8n-cli';
import { N8nEnvironment, type N8nEnvironmentOptions } from './n8n-environment';
import type { ExecuteResult } from './n8n-output';
import { N8nProcess, type N8nProcessOptions } from './n8n-process';

export type N8nOptions = N8nEnvironmentOptions & N8nProcessOptions;

export class N8n {
	private readonly cli: N8nCli;
	private readonly process: N8nProcess;
	private readonly api: N8nApiClient;

	private constructor(
		private readonly environment: N8nEnvironment,
		options: N8nProcessOptions,
	) {
		this.cli = new N8nCli(environment);
		this.process = new N8nProcess(environment, options);
		this.api = new N8nApiClient(environment.baseUrl);
	}

	static async create(options: N8nOptions): Promise<N8n> {
		return new N8n(await N8nEnvironment.create(options), options);
	}

	// ------------------------------------------------------------------ environment

	get userFolder(): string {
		return this.environment.userFolder;
	}

	get baseUrl(): string {
		return this.environment.baseUrl;
	}

	get port(): number {
		return this.environment.port;
	}

	env(): NodeJS.ProcessEnv {
		return this.environment.env();
	}

	readLog(): string {
		return this.environment.readLog();
	}

	// ------------------------------------------------------------------ CLI

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		await this.cli.importCredentials(credentials);
	}

	async importWorkflows(workflows: Array<Record<string, unknown>>): Promise<void> {
		await this.cli.importWorkflows(workflows);
	}

	async execute(workflowId: string): Promise<ExecuteResult> {
		return await this.cli.execute(workflowId);
	}

	// ------------------------------------------------------------------ process

	async start(timeoutMs?: number): Promise<void> {
		await this.process.start(timeoutMs);
	}

	get running(): boolean {
		return this.process.running;
	}

	get pid(): number | undefined {
		return this.process.pid;
	}

	/** Stops the process (SIGKILL = a crash); its auth cookie goes with it. */
	async stop(signal?: NodeJS.Signals): Promise<void> {
		if (!this.process.running) return;
		this.api.signOut();
		await this.process.stop(signal);
	}

	/** Stops n8n and removes the user folder. */
	async dispose(): Promise<void> {
		await this.stop();
		this.environment.removeUserFolder();
	}

	// ------------------------------------------------------------------ REST / public API

	async rest<T = unknown>(
		method: string,
		route: string,
		body?: unknown,
	): Promise<{ status: number; data: T; headers: Headers }> {
		return await this.api.rest<T>(method, route, body);
	}

	async ensureOwner(owner: Owner): Promise<void> {
		await this.api.ensureOwner(owner);
	}

	async createApiKey(label?: string): Promise<string> {
		return await this.api.createApiKey(label);
	}

	async executions(
		workflowId: string,
		options?: { includeData?: boolean; limit?: number },
	): Promise<ExecutionSummary[]> {
		return await this.api.executions(workflowId, options);
	}

	async activate(workflowId: string): Promise<void> {
		await this.api.activate(workflowId);
	}

	async deliverWebhook(
		webhookPath: string,
		init: RequestInit,
		timeoutMs?: number,
	): Promise<Response> {
		return await this.api.deliverWebhook(webhookPath, init, timeoutMs);
	}
}
