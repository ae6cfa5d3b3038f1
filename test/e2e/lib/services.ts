/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// Private PostgreSQL and Redis servers for n8n's queue mode: Debian's binaries (scripts/queue-deps.sh
// installs them), data in a temp dir, listening on 127.0.0.1 only, stopped and removed by stop().
// Both are tuned for throwaway test data (no fsync, no persistence): never point real data at them.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort, sleep, stopGroup, track } from './processes';
import { REPO_ROOT, cacheDir } from './runtime';

export interface QueueDependencyPaths {
	redisServer: string;
	/** directory holding postgres, initdb and pg_isready */
	pgBin: string;
	/** OS user PostgreSQL runs as when this process is root (PostgreSQL refuses root); '' otherwise */
	pgUser: string;
}

/** Runs scripts/queue-deps.sh (installs redis-server / postgresql when missing) and returns the paths. */
export function ensureQueueDependencies(): QueueDependencyPaths {
	const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'queue-deps.sh'), '--quiet'], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (result.status !== 0) {
		throw new Error(`scripts/queue-deps.sh failed (exit ${result.status}); its message is above.`);
	}
	return JSON.parse(
		fs.readFileSync(path.join(cacheDir(), 'queue-paths.json'), 'utf8'),
	) as QueueDependencyPaths;
}

export interface RunningService {
	port: number;
	/** process id of the server (runuser for PostgreSQL when run as root) */
	pid: number;
	stop(): Promise<void>;
}

export interface RunningPostgres extends RunningService {
	user: string;
	database: string;
	/** DB_* variables that point n8n at this server */
	n8nEnv: Record<string, string>;
}

export interface RunningRedis extends RunningService {
	/** QUEUE_BULL_REDIS_* variables that point n8n at this server */
	n8nEnv: Record<string, string>;
}

/** Runs `argv` as `user` (when set) through runuser; returns the spawn arguments. */
function asUser(user: string, argv: string[]): [string, string[]] {
	return user ? ['runuser', ['-u', user, '--', ...argv]] : [argv[0], argv.slice(1)];
}

/** Starts a fresh PostgreSQL cluster (trust authentication on 127.0.0.1, one database). */
export async function startPostgres(deps: QueueDependencyPaths): Promise<RunningPostgres> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payments-pack-pg-'));
	const dataDir = path.join(dir, 'data');
	const user = 'n8n';
	const database = 'n8n';
	if (deps.pgUser) spawnSync('chown', ['-R', deps.pgUser, dir]);
	const [initCmd, initArgs] = asUser(deps.pgUser, [
		path.join(deps.pgBin, 'initdb'),
		'-D',
		dataDir,
		'-U',
		user,
		'--auth=trust',
		'--encoding=UTF8',
		'--no-sync',
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`initdb failed (exit ${init.status}): ${init.stderr || init.stdout}`);
	}
	const port = await freePort();
	const [cmd, args] = asUser(deps.pgUser, [
		path.join(deps.pgBin, 'postgres'),
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dir}`,
		'-c',
		'max_connections=200',
		// throwaway data: durability is not what is being tested
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const logFile = path.join(dir, 'postgres.log');
	const log = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { stdio: ['ignore', log, log], detached: true });
	fs.closeSync(log);
	// killed with the n8n processes if this process exits without stopping it
	track(child);
	const deadline = Date.now() + 30_000;
	for (;;) {
		const ready = spawnSync(
			path.join(deps.pgBin, 'pg_isready'),
			['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres'],
			{ encoding: 'utf8' },
		);
		if (ready.status === 0) break;
		if (child.exitCode !== null || Date.now() > deadline) {
			await stopGroup(child, 'SIGINT', 15_000);
			const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
			fs.rmSync(dir, { recursive: true, force: true });
			throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}:\n${text.slice(-2000)}`);
		}
		await sleep(200);
	}
	const created = spawnSync(
		'psql',
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			user,
			'-d',
			'postgres',
			'-c',
			`CREATE DATABASE ${database}`,
		],
		{ encoding: 'utf8' },
	);
	if (created.status !== 0) {
		await stopGroup(child, 'SIGINT', 15_000);
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`could not create the database: ${created.stderr}`);
	}
	return {
		port,
		pid: child.pid!,
		user,
		database,
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: '',
		},
		stop: async () => {
			// SIGINT = "fast" shutdown: disconnects clients instead of waiting for them
			await stopGroup(child, 'SIGINT', 15_000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Starts a Redis server without persistence. */
export async function startRedis(deps: QueueDependencyPaths): Promise<RunningRedis> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payments-pack-redis-'));
	const port = await freePort();
	const child = spawn(
		deps.redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--logfile',
			path.join(dir, 'redis.log'),
		],
		{ stdio: 'ignore', detached: true },
	);
	track(child);
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (await answersPing(port)) break;
		if (child.exitCode !== null || Date.now() > deadline) {
			await stopGroup(child, 'SIGTERM', 15_000);
			const logFile = path.join(dir, 'redis.log');
			const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
			fs.rmSync(dir, { recursive: true, force: true });
			throw new Error(`Redis did not start on 127.0.0.1:${port}:\n${text.slice(-2000)}`);
		}
		await sleep(100);
	}
	return {
		port,
		pid: child.pid!,
		n8nEnv: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
		stop: async () => {
			await stopGroup(child, 'SIGTERM', 15_000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Whether a Redis server answers PING on the port (RESP inline command). */
async function answersPing(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
	});
}
