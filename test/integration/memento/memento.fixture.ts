import type { IDataObject } from 'n8n-workflow';

import type { TestJournal } from '../../harness/journal';
import type { StoredCredential } from '../../harness/credentials-helper';
import {
	newCredentialsHelper,
	runWorkflow,
	type RunOptions,
	type RunResult,
	type TestNode,
} from '../../harness/run-workflow';
import { nodeMaker, useSandbox } from '../../harness/use-sandbox';
import { startMementoSandbox, type MementoSandbox } from '../../sandboxes/memento';

export const CREDENTIAL_ID = 'memento-sandbox';
export const CARD_UUID = '5f0c7c6e-1111-4a1b-9c1d-000000000001';
export const UNVERIFIED_SOURCE_UUID = '5f0c7c6e-2222-4a1b-9c1d-000000000002';

export function mementoCredential(
	sandbox: MementoSandbox,
	overrides: IDataObject = {},
): StoredCredential {
	return {
		id: CREDENTIAL_ID,
		name: 'Memento sandbox',
		type: 'mementoPaymentsApi',
		data: {
			baseUrl: sandbox.baseUrl,
			projectId: sandbox.projectId,
			authenticationToken: sandbox.authenticationToken,
			pin: '1234',
			...(overrides as Record<string, string>),
		},
	};
}

export const mementoNode = nodeMaker('mementoPayments', 'mementoPaymentsApi', CREDENTIAL_ID);

export interface MementoRunOptions {
	items?: IDataObject[];
	nodes: TestNode[];
	credentialOverrides?: IDataObject;
	executionId?: string;
	/** n8n's deduplication store of an earlier run: this run is another execution of that n8n. */
	journal?: TestJournal;
	/** Keep credential state (the session token) between runs. */
	keepSession?: boolean;
	/** Connections instead of the default chain (e.g. a Loop Over Items). */
	links?: RunOptions['links'];
}

/** One sandbox per test file; every run goes through n8n's engine with the real credential. */
export function useMementoSandbox(options: Parameters<typeof startMementoSandbox>[0] = {}) {
	const holder: { helper?: ReturnType<typeof newCredentialsHelper> } = {};
	const sandbox = useSandbox(
		async () => await startMementoSandbox(options),
		() => {
			holder.helper = undefined;
		},
	);
	const run = async (runOptions: MementoRunOptions): Promise<RunResult> => {
		const credentials = [mementoCredential(sandbox(), runOptions.credentialOverrides)];
		if (runOptions.keepSession) holder.helper ??= newCredentialsHelper(credentials);
		return await runWorkflow({
			items: runOptions.items,
			nodes: runOptions.nodes,
			credentials,
			credentialsHelper: runOptions.keepSession ? holder.helper : undefined,
			executionId: runOptions.executionId,
			journal: runOptions.journal,
			links: runOptions.links,
		});
	};
	/** Runs one node over the items and expects success; returns its output json. */
	const runOne = async (parameters: IDataObject, items: IDataObject[] = [{}]) => {
		const result = await run({ items, nodes: [mementoNode('Memento', parameters)] });
		if (result.error) throw result.error;
		return result.json('Memento');
	};
	return { sandbox, run, runOne };
}

export const payParameters = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'payment',
	operation: 'create',
	recipientType: 'user',
	recipientUserUuid: 'd6edcdba-f3f1-4249-96bc-bb977fde27fb',
	amount: '12.50',
	currency: 'GBP',
	paymentSourceUuid: CARD_UUID,
	...overrides,
});
