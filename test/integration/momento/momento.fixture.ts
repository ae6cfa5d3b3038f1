import type { IDataObject } from 'n8n-workflow';

import type { StoredCredential } from '../../harness/credentials-helper';
import type { TestJournal } from '../../harness/journal';
import { nodeMaker, useSandbox } from '../../harness/use-sandbox';
import {
	runWorkflow,
	type RunOptions,
	type RunResult,
	type TestNode,
} from '../../harness/run-workflow';
import {
	startMomentoSandbox,
	type MomentoSandbox,
	type MomentoSandboxOptions,
} from '../../sandboxes/momento';

export const CREDENTIAL_ID = 'momento-sandbox';

export function momentoCredential(
	sandbox: MomentoSandbox,
	overrides: IDataObject = {},
): StoredCredential {
	return {
		id: CREDENTIAL_ID,
		name: 'Momento sandbox',
		type: 'momentoApi',
		data: {
			secretKey: sandbox.secretKey,
			environment: 'custom',
			baseUrl: sandbox.baseUrl,
			...(overrides as Record<string, string>),
		},
	};
}

export const momentoNode = nodeMaker('momento', 'momentoApi', CREDENTIAL_ID);

export function depositParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'deposit',
		operation: 'create',
		amount: '500.00',
		currency: 'DOP',
		email: 'cliente@example.com',
		idNumber: '00100000001',
		callbackUrl: 'https://example.com/momento-callback',
		...overrides,
	};
}

export function withdrawalParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'withdrawal',
		operation: 'create',
		amount: '1250.50',
		currency: 'DOP',
		email: 'cliente@example.com',
		idNumber: '001-0000000-1',
		bankCode: 'BRD',
		accountNumber: '9601234567',
		accountType: 'savings',
		callbackUrl: 'https://example.com/momento-callback',
		...overrides,
	};
}

export interface MomentoRunOptions {
	items?: IDataObject[];
	nodes: TestNode[];
	credentialOverrides?: IDataObject;
	executionId?: string;
	links?: RunOptions['links'];
	/** n8n's deduplication store of an earlier run: this run is another execution of that n8n. */
	journal?: TestJournal;
}

/** Starts one sandbox per test file and runs workflows against it. */
export function useMomentoSandbox(options: MomentoSandboxOptions = {}) {
	const sandbox = useSandbox(async () => await startMomentoSandbox(options));
	const run = async (runOptions: MomentoRunOptions): Promise<RunResult> =>
		await runWorkflow({
			items: runOptions.items,
			nodes: runOptions.nodes,
			credentials: [momentoCredential(sandbox(), runOptions.credentialOverrides)],
			executionId: runOptions.executionId,
			links: runOptions.links,
			journal: runOptions.journal,
		});
	return { sandbox, run };
}
