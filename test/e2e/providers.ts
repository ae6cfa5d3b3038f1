/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Every provider of the pack that the real-n8n layer knows: its sandbox, the fixed port the demo
// gives that sandbox, and the sandbox credentials n8n imports. Example workflows are the files
// examples/<provider id>-*.json; they address the sandbox at its demo port (http://127.0.0.1:<demoPort>),
// which loadExamples() rewrites to wherever the sandbox really listens.
//
// Adding a provider: one entry below, its examples/<id>-*.json, and test/e2e/<id>.e2e.test.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startConductorSandbox } from '../sandboxes/conductor';
import { MEMENTO_SANDBOX_DEFAULTS, startMementoSandbox } from '../sandboxes/memento';
import { startMomentoSandbox } from '../sandboxes/momento';
import { MOMO_SEED, startMomoSandbox } from '../sandboxes/mtn-momo';
import { MONERIUM_CLIENTS, MONERIUM_SEED, startMoneriumSandbox } from '../sandboxes/monerium';
import type { CredentialImport } from './lib/n8n-cli';
import { REPO_ROOT } from './lib/runtime';

export interface RunningSandbox {
	/** http://127.0.0.1:<port> */
	rootUrl: string;
	/** the URL the credential's base URL field gets */
	baseUrl: string;
	close(): Promise<void>;
}

export interface Provider<S extends RunningSandbox = RunningSandbox> {
	/** short id; example workflows are examples/<id>-*.json */
	id: string;
	title: string;
	/** the sandbox's port in the demo (and the port the example workflows mention) */
	demoPort: number;
	startSandbox(port: number): Promise<S>;
	/** sandbox credentials, with fixed ids the example workflows refer to */
	credentials(sandbox: S): CredentialImport[];
	/** extra lines the demo prints about this sandbox (test accounts, ids to type) */
	notes(sandbox: S): string[];
}

function defineProvider<S extends RunningSandbox>(provider: Provider<S>): Provider {
	return provider as unknown as Provider;
}

export const CONDUCTOR_CREDENTIAL_ID = 'cndSandboxCred01';

export const MOMENTO_CREDENTIAL_ID = 'mmtSandboxCred01';

export const MOMO_CREDENTIAL_ID = 'momoSandboxCred1';

export const MONERIUM_CREDENTIAL_ID = 'mnrSandboxCred01';

export const MEMENTO_CREDENTIAL_ID = 'mmpSandboxCred01';

export const PROVIDERS: Provider[] = [
	defineProvider({
		id: 'conductor',
		title: 'Moment Conductor',
		demoPort: 18101,
		startSandbox: async (port) => await startConductorSandbox({ port }),
		credentials: (sandbox) => [
			{
				id: CONDUCTOR_CREDENTIAL_ID,
				name: 'Conductor sandbox',
				type: 'momentConductorApi',
				data: {
					secretKey: sandbox.secretKey,
					retailerId: sandbox.retailerIds[0],
					baseUrl: sandbox.baseUrl,
				},
			},
		],
		notes: (sandbox) => [
			`secret key ${sandbox.secretKey}, retailer ids ${sandbox.retailerIds.join(', ')}`,
		],
	}),
	defineProvider({
		id: 'momento',
		title: 'Momento',
		demoPort: 18100,
		startSandbox: async (port) => await startMomentoSandbox({ port }),
		credentials: (sandbox) => [
			{
				id: MOMENTO_CREDENTIAL_ID,
				name: 'Momento sandbox',
				type: 'momentoApi',
				data: { secretKey: sandbox.secretKey, environment: 'custom', baseUrl: sandbox.baseUrl },
			},
		],
		notes: (sandbox) => [
			`secret key ${sandbox.secretKey}; customer cédula 00100000001, withdrawal banks BPD, BRD, BHD, SCO`,
		],
	}),
	defineProvider({
		id: 'momo',
		title: 'MTN MoMo',
		demoPort: 18104,
		startSandbox: async (port) => await startMomoSandbox({ port, settleAfterMs: 1500 }),
		credentials: (sandbox) => [
			{
				id: MOMO_CREDENTIAL_ID,
				name: 'MTN MoMo sandbox',
				type: 'mtnMomoApi',
				data: {
					collectionSubscriptionKey: sandbox.subscriptionKeys.collection,
					disbursementSubscriptionKey: sandbox.subscriptionKeys.disbursement,
					apiUser: sandbox.apiUser,
					apiKey: sandbox.apiKey,
					targetEnvironment: 'sandbox',
					baseUrl: sandbox.baseUrl,
				},
			},
		],
		notes: () => [
			`API user ${MOMO_SEED.apiUser}; test payers 46733123459 (pays), 46733123451 (rejects), 46733123453 (never answers)`,
		],
	}),
	defineProvider({
		id: 'monerium',
		title: 'Monerium',
		demoPort: 18103,
		startSandbox: async (port) => {
			const sandbox = await startMoneriumSandbox({ port });
			return Object.assign(sandbox, { rootUrl: sandbox.baseUrl });
		},
		credentials: (sandbox) => [
			{
				id: MONERIUM_CREDENTIAL_ID,
				name: 'Monerium sandbox (client credentials)',
				type: 'moneriumOAuth2Api',
				data: {
					environment: 'custom',
					customUrl: sandbox.baseUrl,
					grantType: 'clientCredentials',
					clientId: MONERIUM_CLIENTS.clientCredentials.clientId,
					clientSecret: MONERIUM_CLIENTS.clientCredentials.clientSecret,
				},
			},
		],
		notes: () => [
			`client id ${MONERIUM_CLIENTS.clientCredentials.clientId}; linked address ${MONERIUM_SEED.address} (sepolia, chiado), counterpart IBAN ${MONERIUM_SEED.counterpartIban}; signatures need only be 0x-hex`,
		],
	}),
	defineProvider({
		id: 'memento',
		title: 'Memento Payments',
		demoPort: 18102,
		startSandbox: async (port) => await startMementoSandbox({ port }),
		credentials: (sandbox) => [
			{
				id: MEMENTO_CREDENTIAL_ID,
				name: 'Memento Payments sandbox',
				type: 'mementoPaymentsApi',
				data: {
					baseUrl: sandbox.baseUrl,
					projectId: sandbox.projectId,
					authenticationToken: sandbox.authenticationToken,
					pin: MEMENTO_SANDBOX_DEFAULTS.pin,
				},
			},
		],
		notes: (sandbox) => [
			`project ${sandbox.projectId}, ${sandbox.state.payments.length} seeded payments; PIN ${MEMENTO_SANDBOX_DEFAULTS.pin}`,
		],
	}),
];

export function provider(id: string): Provider {
	const found = PROVIDERS.find((candidate) => candidate.id === id);
	if (!found)
		throw new Error(`unknown provider "${id}"; known: ${PROVIDERS.map((p) => p.id).join(', ')}`);
	return found;
}

export interface ExampleWorkflow {
	file: string;
	id: string;
	name: string;
	workflow: Record<string, unknown>;
}

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/**
 * The provider's example workflows (all of them when no provider is given), with every
 * http://127.0.0.1:<demoPort> of a running sandbox replaced by its real root URL.
 */
export function loadExamples(
	providerId?: string,
	sandboxes: Array<{ provider: Provider; sandbox: RunningSandbox }> = [],
): ExampleWorkflow[] {
	const files = fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json') && (!providerId || file.startsWith(`${providerId}-`)))
		.sort();
	return files.map((file) => {
		let text = fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
		for (const { provider: p, sandbox } of sandboxes) {
			text = text.split(`http://127.0.0.1:${p.demoPort}`).join(sandbox.rootUrl.replace(/\/$/, ''));
		}
		const workflow = JSON.parse(text) as Record<string, unknown>;
		if (typeof workflow.id !== 'string' || typeof workflow.name !== 'string') {
			throw new Error(`examples/${file} needs a string "id" and "name"`);
		}
		return { file, id: workflow.id, name: workflow.name, workflow };
	});
}
