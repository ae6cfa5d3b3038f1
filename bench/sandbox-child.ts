/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// One provider sandbox in its own process (started by bench/lib/sandbox.ts), so the server never
// shares an event loop, or a core, with the code being measured. Talks to its parent over IPC.
import { startConductorSandbox } from '../test/sandboxes/conductor';
import { startMementoSandbox } from '../test/sandboxes/memento';
import { startMomentoSandbox } from '../test/sandboxes/momento';
import { startMomoSandbox } from '../test/sandboxes/mtn-momo';
import { startMoneriumSandbox } from '../test/sandboxes/monerium';

type AnySandbox = Record<string, unknown> & {
	requests: Array<{ method: string; path: string; status?: number; statusCode?: number }>;
	stats: unknown;
	reset(): void;
	close(): Promise<void>;
	setRateLimit?: (limit: unknown) => void;
};

const STARTERS: Record<string, (options: never) => Promise<unknown>> = {
	conductor: startConductorSandbox,
	memento: startMementoSandbox,
	momento: startMomentoSandbox,
	momo: startMomoSandbox,
	monerium: startMoneriumSandbox,
};

/** The sandbox's plain fields (URLs, keys, ids): what a credential needs. */
function describe(sandbox: AnySandbox): Record<string, unknown> {
	const info: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(sandbox)) {
		if (['requests', 'stats', 'state', 'callbacks'].includes(key)) continue;
		if (typeof value === 'function' || value === undefined) continue;
		try {
			info[key] = JSON.parse(JSON.stringify(value));
		} catch {
			// not plain data
		}
	}
	return info;
}

function summary(sandbox: AnySandbox) {
	const byRoute: Record<string, number> = {};
	const byStatus: Record<string, number> = {};
	for (const request of sandbox.requests) {
		const route = `${request.method} ${request.path}`;
		byRoute[route] = (byRoute[route] ?? 0) + 1;
		const status = String(request.status ?? request.statusCode ?? '?');
		byStatus[status] = (byStatus[status] ?? 0) + 1;
	}
	return {
		total: sandbox.requests.length,
		byRoute,
		byStatus,
		stats: JSON.parse(JSON.stringify(sandbox.stats ?? {})) as unknown,
	};
}

interface Command {
	id: number;
	op: 'summary' | 'reset' | 'setRateLimit' | 'close';
	args?: unknown;
}

async function main(): Promise<void> {
	const [provider, optionsJson] = process.argv.slice(2);
	const start = STARTERS[provider];
	if (!start) throw new Error(`unknown sandbox ${provider}`);
	const sandbox = (await start(JSON.parse(optionsJson || '{}') as never)) as AnySandbox;
	process.on('disconnect', () => {
		void sandbox.close().finally(() => process.exit(0));
	});
	process.on('message', (command: Command) => {
		const answer = (result: unknown) => process.send!({ id: command.id, result });
		switch (command.op) {
			case 'summary':
				answer(summary(sandbox));
				break;
			case 'reset':
				sandbox.reset();
				answer(true);
				break;
			case 'setRateLimit':
				sandbox.setRateLimit!(command.args);
				answer(true);
				break;
			case 'close':
				void sandbox.close().finally(() => {
					answer(true);
					process.exit(0);
				});
				break;
		}
	});
	process.send!({ ready: true, info: describe(sandbox) });
}

main().catch((error: Error) => {
	process.stderr.write(`sandbox child failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
