// n8n in queue mode, as a production team scales it out: private PostgreSQL and Redis, one main
// process (editor, API, trigger activation and polling; no production webhooks), one `n8n webhook`
// process that receives every production webhook, and `n8n worker` processes that run the
// executions. Every process has its own user folder with the pack installed and shares only the
// database, Redis and the encryption key: state a node keeps anywhere else is lost between them.
import { randomBytes } from 'node:crypto';

import { N8n } from './n8n';
import type { Owner } from './n8n-api-client';
import type { CredentialImport } from './n8n-cli';
import { freePort } from './processes';
import type { PackInfo } from './pack';
import type { RuntimePaths } from './runtime';
import {
	ensureQueueDependencies,
	startPostgres,
	startRedis,
	type RunningPostgres,
	type RunningRedis,
} from './services';

export interface QueueClusterOptions {
	runtime: RuntimePaths;
	pack: PackInfo;
	/** workers started by start() (more can be added with addWorker) */
	workers: number;
	/** `n8n worker --concurrency` (n8n's default is 10) */
	workerConcurrency?: number;
	label?: string;
	/** ports of the main process (editor, API) and the webhook process; free ones when omitted */
	mainPort?: number;
	webhookPort?: number;
	/** every log line of every process, prefixed with the process name */
	onLog?: (process: string, line: string) => void;
}

const STARTED = /^Worker started execution (\S+) \(job/;

export class QueueCluster {
	readonly workers: N8n[] = [];
	/** execution ids each worker (by index in `workers`) logged as started */
	readonly startedBy = new Map<number, Set<string>>();

	private constructor(
		private readonly options: QueueClusterOptions,
		private readonly encryptionKey: string,
		readonly postgres: RunningPostgres,
		readonly redis: RunningRedis,
		readonly main: N8n,
		readonly webhook: N8n,
	) {}

	/** Starts the services, imports credentials and workflows, then main, webhook and the workers. */
	static async start(
		options: QueueClusterOptions,
		setup: { credentials: CredentialImport[]; workflows: Array<Record<string, unknown>> },
	): Promise<QueueCluster> {
		const deps = ensureQueueDependencies();
		const postgres = await startPostgres(deps);
		let redis: RunningRedis | undefined;
		let cluster: QueueCluster | undefined;
		let ready = false;
		try {
			redis = await startRedis(deps);
			const encryptionKey = randomBytes(24).toString('hex');
			const webhookPort = options.webhookPort ?? (await freePort());
			const env = QueueCluster.sharedEnv(encryptionKey, postgres, redis, webhookPort);
			const label = options.label ?? 'queue';
			const main = await N8n.create({
				runtime: options.runtime,
				pack: options.pack,
				label: `${label}-main`,
				command: 'start',
				port: options.mainPort,
				// production webhooks are the webhook process's job
				extraEnv: { ...env, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
				onLog: (line) => options.onLog?.('main', line),
			});
			const webhook = await N8n.create({
				runtime: options.runtime,
				pack: options.pack,
				label: `${label}-webhook`,
				command: 'webhook',
				port: webhookPort,
				extraEnv: env,
				onLog: (line) => options.onLog?.('webhook', line),
			});
			cluster = new QueueCluster(options, encryptionKey, postgres, redis, main, webhook);
			// the CLI imports migrate the empty database first
			await main.importCredentials(setup.credentials);
			await main.importWorkflows(setup.workflows);
			await main.start();
			await webhook.start();
			for (let index = 0; index < options.workers; index++) await cluster.addWorker();
			ready = true;
			return cluster;
		} finally {
			if (!ready) {
				if (cluster) await cluster.dispose();
				else {
					await redis?.stop();
					await postgres.stop();
				}
			}
		}
	}

	/** What every process of the cluster shares: queue mode, the database, Redis, the key, the webhook URL. */
	private static sharedEnv(
		encryptionKey: string,
		postgres: RunningPostgres,
		redis: RunningRedis,
		webhookPort: number,
	): Record<string, string> {
		return {
			EXECUTIONS_MODE: 'queue',
			...postgres.n8nEnv,
			...redis.n8nEnv,
			N8N_ENCRYPTION_KEY: encryptionKey,
			// the URL triggers register at providers: the webhook process
			N8N_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
		};
	}

	private env(): Record<string, string> {
		return QueueCluster.sharedEnv(this.encryptionKey, this.postgres, this.redis, this.webhook.port);
	}

	/** Starts one more `n8n worker`; returns its index. */
	async addWorker(): Promise<number> {
		const index = this.workers.length;
		const name = `worker${index + 1}`;
		const started = new Set<string>();
		this.startedBy.set(index, started);
		const worker = await N8n.create({
			runtime: this.options.runtime,
			pack: this.options.pack,
			label: `${this.options.label ?? 'queue'}-${name}`,
			command: 'worker',
			workerConcurrency: this.options.workerConcurrency,
			extraEnv: this.env(),
			onLog: (line) => {
				const match = STARTED.exec(line);
				if (match) started.add(match[1]);
				this.options.onLog?.(name, line);
			},
		});
		this.workers.push(worker);
		await worker.start();
		return index;
	}

	/** The index of the worker that logged starting the execution, if any did. */
	workerOf(executionId: string): number | undefined {
		for (const [index, ids] of this.startedBy) if (ids.has(executionId)) return index;
		return undefined;
	}

	/** Signs in (creating the owner on first use) and creates an API key on the main process. */
	async signIn(owner: Owner): Promise<void> {
		await this.main.ensureOwner(owner);
		await this.main.createApiKey();
	}

	async dispose(): Promise<void> {
		for (const worker of this.workers) await worker.dispose();
		await this.webhook.dispose();
		await this.main.dispose();
		await this.redis.stop();
		await this.postgres.stop();
	}
}
