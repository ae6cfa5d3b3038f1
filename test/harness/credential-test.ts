import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';

import { newCredentialsHelper, TestNodeTypes } from './run-workflow';
import { loadPackageCredentialTypes } from './package-types';

export interface CredentialTestOutcome {
	status: 'OK' | 'Error';
	statusCode: number;
	message: string;
}

/**
 * Runs a credential type's `test` request the way n8n's credential tester does: its expressions
 * resolved against the credential, authenticated by the credential, sent for real.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestOutcome> {
	const credentialType = loadPackageCredentialTypes().get(type);
	const test = credentialType?.test;
	if (!test) throw new Error(`${type} has no credential test`);
	const node: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
	};
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
	});
	const resolve = (value: unknown) =>
		typeof value === 'string' && value.startsWith('=')
			? workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: data },
					undefined,
					'',
				)
			: value;
	const request = Object.fromEntries(
		Object.entries(test.request).map(([key, value]) => [key, resolve(value)]),
	) as unknown as IHttpRequestOptions;
	const authenticated = await newCredentialsHelper().authenticate(
		data,
		type,
		{ ...request, headers: { ...request.headers } },
		workflow,
		node,
	);
	const url = `${String(authenticated.baseURL ?? '')}${authenticated.url}`;
	const response = await fetch(url, {
		method: authenticated.method ?? 'GET',
		headers: authenticated.headers as Record<string, string>,
	});
	return {
		status: response.ok ? 'OK' : 'Error',
		statusCode: response.status,
		message: response.ok ? 'Connection tested successfully' : await response.text(),
	};
}
