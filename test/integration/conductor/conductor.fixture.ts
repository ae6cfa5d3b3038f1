import type { IDataObject } from 'n8n-workflow';

import type { StoredCredential } from '../../harness/credentials-helper';
import { nodeMaker, useSandbox } from '../../harness/use-sandbox';
import { runWorkflow, type RunOptions, type RunResult } from '../../harness/run-workflow';
import {
	CONDUCTOR_SEED,
	startConductorSandbox,
	type ConductorSandbox,
	type ConductorSandboxOptions,
} from '../../sandboxes/conductor';

export { createTransactionParameters } from '../../fixtures/conductor-parameters';

export const CREDENTIAL_ID = 'conductor-sandbox';
export const BILL = CONDUCTOR_SEED.bills[0];
export const SECOND_BILL = CONDUCTOR_SEED.bills[1];

export function conductorCredential(
	sandbox: ConductorSandbox,
	overrides: IDataObject = {},
): StoredCredential {
	return {
		id: CREDENTIAL_ID,
		name: 'Conductor sandbox',
		type: 'momentConductorApi',
		data: {
			secretKey: sandbox.secretKey,
			retailerId: sandbox.retailerIds[0],
			baseUrl: sandbox.baseUrl,
			...(overrides as Record<string, string>),
		},
	};
}

export const conductorNode = nodeMaker('momentConductor', 'momentConductorApi', CREDENTIAL_ID);

export interface ConductorRunOptions extends Omit<RunOptions, 'credentials'> {
	credentialOverrides?: IDataObject;
}

/** Starts one sandbox per test file and runs workflows against it. */
export function useConductorSandbox(options: ConductorSandboxOptions = {}) {
	const sandbox = useSandbox(async () => await startConductorSandbox(options));
	const run = async (options: ConductorRunOptions): Promise<RunResult> =>
		await runWorkflow({
			...options,
			credentials: [conductorCredential(sandbox(), options.credentialOverrides)],
		});
	return { sandbox, run };
}
