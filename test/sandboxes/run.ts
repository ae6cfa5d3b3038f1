/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
// Starts every provider sandbox the pack has on its fixed demo port (127.0.0.1 only) and prints
// the URLs and test accounts. Used by the demo; also runnable alone:
//   npm run sandboxes        (builds dist-test/ and runs this file)
// Ctrl+C stops them.
import { PROVIDERS, type Provider, type RunningSandbox } from '../e2e/providers';

export interface StartedSandbox {
	provider: Provider;
	sandbox: RunningSandbox;
}

/** Starts all sandboxes; `ephemeral` picks free ports instead of the fixed demo ports. */
export async function startAllSandboxes(
	options: { ephemeral?: boolean } = {},
): Promise<StartedSandbox[]> {
	const started: StartedSandbox[] = [];
	let complete = false;
	try {
		for (const provider of PROVIDERS) {
			const sandbox = await provider.startSandbox(options.ephemeral ? 0 : provider.demoPort);
			started.push({ provider, sandbox });
		}
		complete = true;
	} finally {
		if (!complete) await stopAllSandboxes(started);
	}
	return started;
}

export async function stopAllSandboxes(started: StartedSandbox[]): Promise<void> {
	await Promise.allSettled(started.map(async ({ sandbox }) => await sandbox.close()));
}

export function describeSandboxes(started: StartedSandbox[]): string[] {
	return started.flatMap(({ provider, sandbox }) => [
		`  ${provider.title.padEnd(18)} ${sandbox.baseUrl}`,
		...provider.notes(sandbox).map((line) => `  ${''.padEnd(18)} ${line}`),
	]);
}

async function main(): Promise<void> {
	const started = await startAllSandboxes();
	console.log('Provider sandboxes (127.0.0.1 only):');
	for (const line of describeSandboxes(started)) console.log(line);
	console.log('Press Ctrl+C to stop.');
	const stop = () => {
		void stopAllSandboxes(started).then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
