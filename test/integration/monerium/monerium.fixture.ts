import type { IDataObject } from 'n8n-workflow';

import { formatMessageTime } from '../../../nodes/Monerium/order-rules';
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
	MONERIUM_CLIENTS,
	MONERIUM_SEED,
	startMoneriumSandbox,
	type MoneriumSandbox,
} from '../../sandboxes/monerium';
import { newOAuthCredentialsHelper, type OAuthCredentialsHelper } from './oauth-credentials';

export const CREDENTIAL_ID = 'monerium-sandbox';
export const SEED = MONERIUM_SEED;

export function clientCredentialsCredential(
	sandbox: MoneriumSandbox,
	overrides: IDataObject = {},
): StoredCredential {
	return {
		id: CREDENTIAL_ID,
		name: 'Monerium sandbox',
		type: 'moneriumOAuth2Api',
		data: {
			environment: 'custom',
			customUrl: sandbox.baseUrl,
			grantType: 'clientCredentials',
			clientId: MONERIUM_CLIENTS.clientCredentials.clientId,
			clientSecret: MONERIUM_CLIENTS.clientCredentials.clientSecret,
			...(overrides as Record<string, string>),
		},
	};
}

export const moneriumNode = nodeMaker('monerium', 'moneriumOAuth2Api', CREDENTIAL_ID);

export const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });

/** Order > Place for the seeded linked address, with a message signed just now. */
export function placeParameters(overrides: IDataObject = {}, at = new Date()): IDataObject {
	return {
		resource: 'order',
		operation: 'place',
		address: locator(SEED.address),
		chain: 'sepolia',
		currency: 'eur',
		amount: '100.50',
		counterpartType: 'iban',
		counterpartIban: SEED.counterpartIban,
		counterpartKind: 'personal',
		firstName: 'Ola',
		lastName: 'Nordmann',
		country: 'DK',
		message: `Send EUR 100.50 to ${SEED.counterpartIban} at ${formatMessageTime(at)}`,
		signature: '0xdeadbeef',
		memo: 'Invoice 2024-001',
		...overrides,
	};
}

export interface MoneriumRunOptions {
	items?: IDataObject[];
	nodes: TestNode[];
	credential?: StoredCredential;
	credentialsHelper?: OAuthCredentialsHelper;
	executionId?: string;
	/** Connections instead of the default chain (e.g. a Loop Over Items). */
	links?: RunOptions['links'];
	/** n8n's deduplication store of an earlier run: this run is another execution of that n8n. */
	journal?: TestJournal;
}

/** One sandbox per test file; workflows run with n8n's OAuth2 machinery against it. */
export function useMoneriumSandbox() {
	const sandbox = useSandbox(async () => await startMoneriumSandbox());
	const helperFor = (credential?: StoredCredential) =>
		newOAuthCredentialsHelper([credential ?? clientCredentialsCredential(sandbox())]);
	const run = async (options: MoneriumRunOptions): Promise<RunResult> =>
		await runWorkflow({
			items: options.items,
			nodes: options.nodes,
			credentialsHelper: options.credentialsHelper ?? helperFor(options.credential),
			executionId: options.executionId,
			links: options.links,
			journal: options.journal,
		});
	return { sandbox, run, helperFor };
}
