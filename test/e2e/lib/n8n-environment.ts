/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Where one n8n lives and what it sees: a private user folder in a temp dir (the pack installed in
// it as users get it), its ports, its log file, and the environment every command of it runs with:
// SQLite unless told otherwise (queue-cluster.ts points it at PostgreSQL and Redis), offline,
// quiet, listening on 127.0.0.1 only.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { installPackInto, type PackInfo } from './pack';
import { freePort } from './processes';
import type { RuntimePaths } from './runtime';

/**
 * What the n8n process runs: `n8n start` (the main process: editor, API, triggers), `n8n webhook`
 * (a queue-mode webhook process) or `n8n worker` (a queue-mode worker).
 */
export type N8nCommand = 'start' | 'webhook' | 'worker';

export interface N8nEnvironmentOptions {
	runtime: RuntimePaths;
	/** installed into the user folder before anything runs */
	pack?: PackInfo;
	/** editor/REST port; a free one when omitted */
	port?: number;
	/** task broker port (distinct for every concurrent n8n process); a free one when omitted */
	brokerPort?: number;
	/** label for the temp dir */
	label?: string;
	extraEnv?: Record<string, string>;
	/** default 'start' */
	command?: N8nCommand;
}

export class N8nEnvironment {
	readonly userFolder: string;
	readonly baseUrl: string;
	/** what the process and every CLI command printed (swept for secrets after e2e runs) */
	readonly logFile: string;

	private constructor(
		private readonly options: N8nEnvironmentOptions,
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

	/** Creates the user folder (with the pack installed) and picks the free ports. */
	static async create(options: N8nEnvironmentOptions): Promise<N8nEnvironment> {
		const port = options.port ?? (await freePort());
		let brokerPort = options.brokerPort ?? (await freePort());
		while (brokerPort === port) brokerPort = await freePort();
		return new N8nEnvironment(options, port, brokerPort);
	}

	get runtime(): RuntimePaths {
		return this.options.runtime;
	}

	get command(): N8nCommand {
		return this.options.command ?? 'start';
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
			...(this.command === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(this.port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: {}),
			...this.options.extraEnv,
		};
	}

	readLog(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	removeUserFolder(): void {
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}
