/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// What every e2e test starts from: the pinned n8n with the packed package installed in a private
// user folder, the provider sandboxes running, sandbox credentials and example workflows imported.
import { N8n } from './n8n';
import { packPackage, type PackInfo } from './pack';
import { readRuntime, type RuntimePaths } from './runtime';
import {
	loadExamples,
	provider as findProvider,
	type ExampleWorkflow,
	type Provider,
	type RunningSandbox,
} from '../providers';
import { credentialSecrets, findSecrets } from '../../harness/secrets';

let cachedPack: PackInfo | undefined;

/** The tarball packed by the e2e globalSetup (or packed now, once per process). */
export function sharedPack(): PackInfo {
	if (!cachedPack) {
		const fromSetup = process.env.PAYMENTS_PACK_E2E_PACK;
		cachedPack = fromSetup ? (JSON.parse(fromSetup) as PackInfo) : packPackage();
	}
	return cachedPack;
}

export interface ProviderEnvironment<S extends RunningSandbox = RunningSandbox> {
	runtime: RuntimePaths;
	n8n: N8n;
	provider: Provider;
	sandbox: S;
	examples: ExampleWorkflow[];
	example(fileOrName: string): ExampleWorkflow;
	dispose(): Promise<void>;
}

/** Starts the provider's sandbox on a free port and prepares an n8n with its credentials and examples. */
export async function providerEnvironment<S extends RunningSandbox>(
	providerId: string,
): Promise<ProviderEnvironment<S>> {
	const runtime = readRuntime();
	const provider = findProvider(providerId);
	const sandbox = (await provider.startSandbox(0)) as S;
	let n8n: N8n | undefined;
	let ready = false;
	try {
		n8n = await N8n.create({ runtime, pack: sharedPack(), label: providerId });
		await n8n.importCredentials(provider.credentials(sandbox));
		const examples = loadExamples(providerId, [{ provider, sandbox }]);
		if (examples.length === 0) throw new Error(`no examples/${providerId}-*.json`);
		await n8n.importWorkflows(examples.map((example) => example.workflow));
		const instance = n8n;
		ready = true;
		return {
			runtime,
			n8n: instance,
			provider,
			sandbox,
			examples,
			example: (fileOrName) => {
				const found = examples.find(
					(e) => e.file === fileOrName || e.file === `${fileOrName}.json` || e.name === fileOrName,
				);
				if (!found)
					throw new Error(
						`no example "${fileOrName}" among ${examples.map((e) => e.file).join(', ')}`,
					);
				return found;
			},
			dispose: async () => {
				const log = instance.readLog();
				await instance.dispose();
				await sandbox.close();
				// Every e2e run ends with a sweep of n8n's log (server and CLI output) for the secrets.
				const found = findSecrets(log, credentialSecrets(provider.credentials(sandbox)));
				if (found.length > 0) {
					throw new Error(
						`n8n's log of the ${providerId} e2e runs holds secrets: ${found.join(', ')}`,
					);
				}
			},
		};
	} finally {
		if (!ready) {
			await n8n?.dispose();
			await sandbox.close();
		}
	}
}
