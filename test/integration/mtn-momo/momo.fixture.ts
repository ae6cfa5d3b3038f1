import type { IDataObject } from 'n8n-workflow';

import type { StoredCredential, TestCredentialsHelper } from '../../harness/credentials-helper';
import type { TestJournal } from '../../harness/journal';
import { nodeMaker, useSandbox } from '../../harness/use-sandbox';
import {
	runWorkflow,
	type RunOptions,
	type RunResult,
	type TestNode,
} from '../../harness/run-workflow';
import {
	startMomoSandbox,
	type MomoSandbox,
	type MomoSandboxOptions,
} from '../../sandboxes/mtn-momo';

export const CREDENTIAL_ID = 'momo-sandbox';

export function momoCredential(
	sandbox: MomoSandbox,
	overrides: IDataObject = {},
): StoredCredential {
	return {
		id: CREDENTIAL_ID,
		name: 'MoMo sandbox',
		type: 'mtnMomoApi',
		data: {
			collectionSubscriptionKey: sandbox.subscriptionKeys.collection,
			disbursementSubscriptionKey: sandbox.subscriptionKeys.disbursement,
			apiUser: sandbox.apiUser,
			apiKey: sandbox.apiKey,
			targetEnvironment: 'sandbox',
			baseUrl: sandbox.baseUrl,
			...(overrides as Record<string, string>),
		},
	};
}

export const momoNode = nodeMaker('mtnMomo', 'mtnMomoApi', CREDENTIAL_ID);

export function requestToPayParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'collection',
		operation: 'requestToPay',
		amount: '={{ $json.amount ?? "100" }}',
		currency: 'EUR',
		externalId: '={{ $json.externalId }}',
		partyIdType: 'MSISDN',
		partyId: '={{ $json.msisdn ?? "46733123459" }}',
		...overrides,
	};
}

export function orders(count: number, extra: IDataObject = {}): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({
		externalId: `order-${index + 1}`,
		...extra,
	}));
}

export interface MomoRunOptions {
	items?: IDataObject[];
	nodes: TestNode[];
	credentialOverrides?: IDataObject;
	credentialsHelper?: TestCredentialsHelper;
	executionId?: string;
	/** n8n's deduplication store of an earlier run: this run is another execution of that n8n. */
	journal?: TestJournal;
	links?: RunOptions['links'];
}

/** One sandbox per test file; every test starts from a clean sandbox. */
export function useMomoSandbox(options: MomoSandboxOptions = {}) {
	const sandbox = useSandbox(async () => await startMomoSandbox(options));
	const run = async (runOptions: MomoRunOptions): Promise<RunResult> =>
		await runWorkflow({
			items: runOptions.items,
			nodes: runOptions.nodes,
			credentials: runOptions.credentialsHelper
				? undefined
				: [momoCredential(sandbox(), runOptions.credentialOverrides)],
			credentialsHelper: runOptions.credentialsHelper,
			executionId: runOptions.executionId,
			journal: runOptions.journal,
			links: runOptions.links,
		});
	return { sandbox, run };
}

/** Everything secret the credential holds, to check nothing leaks. */
export function secretsOf(sandbox: MomoSandbox): string[] {
	return [
		sandbox.apiKey,
		sandbox.subscriptionKeys.collection,
		sandbox.subscriptionKeys.disbursement,
	];
}
