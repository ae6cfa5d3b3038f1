/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
// A small driver for one real n8n process (the pinned 2.41.1 under Node 24): `n8n start`, `webhook`
// or `worker`, a private user folder in a temp dir, SQLite unless told otherwise (queue-cluster.ts
// points it at PostgreSQL and Redis), offline and quiet, listening on 127.0.0.1 only; the pack
// installed as users get it; its CLI imports and REST / public API. Used by the e2e and queue
// suites, the demo, `npm run queue` and the screenshots. Process helpers: processes.ts; what the
// CLI prints: n8n-output.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { installPackInto, type PackInfo } from './pack';
import type { RuntimePaths } from './runtime';
import { describeFailure, logMessage, nodeOutput, parseExecuteOutput, tail } from './n8n-output';
import type { CliResult, ExecuteResult, RunData } from './n8n-output';
import { freePort, httpStatus, killGroup, sleep, stopGroup, track } from './processes';

export { describeFailure, nodeOutput, parseExecuteOutput };
export type { CliResult, ExecuteResult, RunData };
export { freePort, sleep, track };

export interface N8nOptions {
	runtime: RuntimePaths;
	/** installed into the user folder before anything runs */
	pack?: PackInfo;
	/** editor/REST port; a free one when omitted */
	port?: number;
	/** task broker port (distinct for every concurrent n8n process); a free one when omitted */
	brokerPort?: number;
	/** label for the temp dir and log lines */
	label?: string;
	/** receives every line `n8n start` prints */
	onLog?: (line: string) => void;
	extraEnv?: Record<string, string>;
	/**
	 * What start() runs: `n8n start` (the main process: editor, API, triggers), `n8n webhook` (a
	 * queue-mode webhook process) or `n8n worker` (a queue-mode worker). Default 'start'.
	 */
	command?: N8nCommand;
	/** `n8n worker --concurrency` (worker only) */
	workerConcurrency?: number;
}

export type N8nCommand = 'start' | 'webhook' | 'worker';

/** The line each command logs once it serves (n8n 2.41), and the health route that must answer 200. */
const READY: Record<N8nCommand, { line: string; health: string }> = {
	start: { line: 'Editor is now accessible via', health: '/healthz/readiness' },
	webhook: { line: 'Webhook listener waiting for requests.', health: '/healthz/readiness' },
	worker: { line: 'n8n worker is now ready', health: '/healthz/readiness' },
};

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode?: string;
	startedAt?: string;
	stoppedAt?: string | null;
	retryOf?: string | null;
	data?: RunData['data'];
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export class N8n {
	readonly userFolder: string;
	readonly baseUrl: string;
	private child?: ChildProcess;
	private childExit?: Promise<void>;
	private cookie?: string;
	private apiKey?: string;
	private readonly logFile: string;

	private constructor(
		private readonly options: N8nOptions,
		readonly port: number,
		readonly brokerPort: number,
	) {
		this.userFolder = fs.mkdtempSync(
			path.join(os.tmpdir(), `payments-pack-n8n-${options.label ?? 'e2e'}-`),
		);
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.logFile = path.join(this.userFolder, 'n8n.log');
		if (options.pack) installPackInto(this.userFolder, options.pack);
	}

	static async create(options: N8nOptions): Promise<N8n> {
		const port = options.port ?? (await freePort());
		let brokerPort = options.brokerPort ?? (await freePort());
		while (brokerPort === port) brokerPort = await freePort();
		return new N8n(options, port, brokerPort);
	}

	/** The environment of every n8n process: private, offline, quiet, loopback only. */
	env(): NodeJS.ProcessEnv {
		const base: NodeJS.ProcessEnv = {};
		for (const [key, value] of Object.entries(process.env)) {
			// jest's and npm's variables (NODE_ENV=test, JEST_WORKER_ID, npm_config_*) change n8n's behaviour
			if (/^(N8N_|DB_|JEST_|NODE_ENV$|NODE_OPTIONS$|NODE_PATH$|npm_|EXECUTIONS_|QUEUE_)/i.test(key))
				continue;
			base[key] = value;
		}
		return {
			...base,
			PATH: `${path.dirname(this.options.runtime.node24Bin)}${path.delimiter}${process.env.PATH ?? ''}`,
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			DB_TYPE: 'sqlite',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			N8N_WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_OUTPUT: 'console',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			// a worker serves /healthz only when asked to, on its own port
			...(this.options.command === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(this.port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: {}),
			...this.options.extraEnv,
		};
	}

	/** Runs one n8n CLI command to completion. */
	async cli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
		const { node24Bin, n8nBin } = this.options.runtime;
		return await new Promise((resolve, reject) => {
			const child = spawn(node24Bin, [n8nBin, ...args], {
				env: this.env(),
				cwd: this.userFolder,
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
				// The n8n log of the run includes what CLI commands printed (e.g. \`n8n execute\`): it is
				// swept for secrets with the server's log (test/e2e/lib/secrets.ts).
				fs.appendFileSync(this.logFile, `$ n8n ${args[0] ?? ''}\n${stdout}${stderr}\n`);
				resolve({ code, stdout, stderr });
			});
		});
	}

	private async cliOk(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} failed (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
			);
		}
		return result;
	}

	/** `n8n import:credentials` (plain values; n8n encrypts them with this user folder's key). */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			await this.cliOk(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** `n8n import:workflow` of workflow objects in one process (ids kept; imported inactive). */
	async importWorkflows(workflows: Array<Record<string, unknown>>): Promise<void> {
		if (workflows.length === 0) return;
		const file = path.join(this.userFolder, `workflows-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(workflows, null, 2));
		try {
			await this.cliOk(['import:workflow', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** `n8n execute --id`: a fresh process (sees the installed pack as it is now); parses the printed run. */
	async execute(workflowId: string): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`], 180_000);
		return { ...result, ...parseExecuteOutput(result.stdout + '\n' + result.stderr) };
	}

	// ------------------------------------------------------------------ n8n start

	get command(): N8nCommand {
		return this.options.command ?? 'start';
	}

	/**
	 * Starts the process (`n8n start`, `n8n webhook` or `n8n worker`) and waits until it logged that
	 * it serves and its health route answers (for `start`: the editor is accessible, the DB migrated).
	 */
	async start(timeoutMs = 180_000): Promise<void> {
		if (this.child) throw new Error('n8n is already running');
		const { node24Bin, n8nBin } = this.options.runtime;
		const command = this.command;
		const ready = READY[command];
		const args = [n8nBin, command];
		if (command === 'worker' && this.options.workerConcurrency)
			args.push(`--concurrency=${this.options.workerConcurrency}`);
		const log = fs.createWriteStream(this.logFile, { flags: 'a' });
		const child = spawn(node24Bin, args, {
			env: this.env(),
			cwd: this.userFolder,
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
				throw new Error(`n8n ${command} exited before it was ready:\n${tail(this.readLog())}`);
			}
			if (serving && (await httpStatus(`${this.baseUrl}${ready.health}`)) === 200) return;
			await sleep(250);
		}
		await this.stop();
		throw new Error(
			`n8n ${command} was not ready within ${timeoutMs} ms:\n${tail(this.readLog())}`,
		);
	}

	readLog(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
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
		this.cookie = undefined;
		await stopGroup(child, signal, 20_000, this.childExit);
	}

	/** Stops n8n and removes the user folder. */
	async dispose(): Promise<void> {
		await this.stop();
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	// ------------------------------------------------------------------ REST / public API

	async rest<T = unknown>(
		method: string,
		route: string,
		body?: unknown,
	): Promise<{ status: number; data: T; headers: Headers }> {
		const response = await fetch(`${this.baseUrl}${route}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(this.apiKey && route.startsWith('/api/') ? { 'X-N8N-API-KEY': this.apiKey } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let data: unknown = text;
		try {
			data = JSON.parse(text);
			if (data && typeof data === 'object' && 'data' in data && route.startsWith('/rest/')) {
				data = (data as { data: unknown }).data;
			}
		} catch {
			// not JSON
		}
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie?.match(/n8n-auth=[^;]+/);
		if (auth) this.cookie = auth[0];
		return { status: response.status, data: data as T, headers: response.headers };
	}

	private async restOk<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
		const { status, data } = await this.rest<T>(method, route, body);
		if (status >= 300)
			throw new Error(
				`${method} ${route} answered ${status}: ${JSON.stringify(data).slice(0, 500)}`,
			);
		return data;
	}

	/** Creates the owner account (when setup is still pending) or logs in as it; keeps the auth cookie. */
	async ensureOwner(owner: Owner): Promise<void> {
		const settings = await this.restOk<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>(
			'GET',
			'/rest/settings',
		);
		if (settings.userManagement?.showSetupOnFirstLoad) {
			await this.restOk('POST', '/rest/owner/setup', owner);
		} else {
			await this.login(owner);
		}
		if (!this.cookie) throw new Error('n8n did not set the n8n-auth cookie');
	}

	async login(owner: Pick<Owner, 'email' | 'password'>): Promise<void> {
		await this.restOk('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
	}

	get authCookie(): string | undefined {
		return this.cookie;
	}

	/** Creates a public-API key with every scope the owner may have (needs ensureOwner first). */
	async createApiKey(label = 'payments-pack-e2e'): Promise<string> {
		const scopes = await this.restOk<string[]>('GET', '/rest/api-keys/scopes');
		const created = await this.restOk<{ rawApiKey: string }>('POST', '/rest/api-keys', {
			label,
			expiresAt: null,
			scopes,
		});
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	/** Executions of a workflow through the public API (newest first); needs createApiKey first. */
	async executions(
		workflowId: string,
		options: { includeData?: boolean; limit?: number } = {},
	): Promise<ExecutionSummary[]> {
		const query = new URLSearchParams({
			workflowId,
			includeData: String(options.includeData ?? true),
			limit: String(options.limit ?? 100),
		});
		const data = await this.restOk<{ data: ExecutionSummary[] }>(
			'GET',
			`/api/v1/executions?${query.toString()}`,
		);
		return data.data;
	}

	/**
	 * Sends a request to a production webhook (/webhook/<path>), retrying while n8n answers 404: a
	 * freshly activated workflow's webhook goes live about half a second later, and a 404 starts nothing.
	 */
	async deliverWebhook(
		webhookPath: string,
		init: RequestInit,
		timeoutMs = 15_000,
	): Promise<Response> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await fetch(`${this.baseUrl}/webhook/${webhookPath}`, init);
			if (response.status !== 404 || Date.now() > deadline) return response;
			await response.arrayBuffer();
			await sleep(250);
		}
	}

	/** Activates (publishes) a workflow through the public API; needs createApiKey first. */
	async activate(workflowId: string): Promise<void> {
		await this.restOk('POST', `/api/v1/workflows/${workflowId}/activate`);
	}
}
