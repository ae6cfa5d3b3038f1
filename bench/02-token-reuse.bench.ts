// Scenario 2: one token (session) per credential, not per item. 500 items through each provider's
// node with a fresh credential, against the same node made to fetch a token before every call
// (the design of the existing MoMo community node), counting requests at the sandbox.
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { TestCredentialsHelper } from '../test/harness/credentials-helper';
import { newCredentialsHelper, runWorkflow, type TestNode } from '../test/harness/run-workflow';
import {
	mementoCredential,
	mementoNode,
	payParameters,
} from '../test/integration/memento/memento.fixture';
import {
	clientCredentialsCredential,
	moneriumNode,
	locator,
	SEED as MONERIUM,
} from '../test/integration/monerium/monerium.fixture';
import { newOAuthCredentialsHelper } from '../test/integration/monerium/oauth-credentials';
import {
	momoCredential,
	momoNode,
	requestToPayParameters,
} from '../test/integration/mtn-momo/momo.fixture';
import { round, timed } from './lib/measure';
import { writeSection, type Row } from './lib/results';
import { countRoutes, startSandboxProcess, type SandboxProcess } from './lib/sandbox';

const ITEMS = 500;

interface Case {
	title: string;
	provider: 'momo' | 'memento' | 'monerium';
	tokenRoute: RegExp;
	/** Token endpoints one credential needs (MoMo: one per product its subscription keys cover). */
	products: number;
	node: TestNode;
	items: (count: number, tag: string) => IDataObject[];
	helper: (info: never) => TestCredentialsHelper;
	/** Makes the helper fetch a token for every request (n8n keeps nothing between calls). */
	tokenPerCall: (helper: TestCredentialsHelper) => void;
}

const forcePreAuthentication = (helper: TestCredentialsHelper) => {
	const original = helper.preAuthentication.bind(helper);
	// Every request asks for a new token as if it held another expired one, so the credentials'
	// sharing of one refresh between requests in flight does not apply to the baseline.
	helper.preAuthentication = async (helpers, credentials, typeName, node) =>
		await original(
			helpers,
			{ ...credentials, sessionTokens: randomUUID(), sessionToken: randomUUID() },
			typeName,
			node,
			true,
		);
};

const CASES: Case[] = [
	{
		title: 'MTN MoMo collection:requestToPay (token from POST /collection/token/)',
		provider: 'momo',
		tokenRoute: /^POST \/(collection|disbursement)\/token\/?$/,
		products: 2,
		node: momoNode('MoMo', requestToPayParameters()),
		items: (count, tag) =>
			Array.from({ length: count }, (_, index) => ({ externalId: `${tag}-${index}` })),
		helper: (info) => newCredentialsHelper([momoCredential(info)]),
		tokenPerCall: forcePreAuthentication,
	},
	{
		title: 'Memento Payments payment:create (session from POST /v1/sessions)',
		provider: 'memento',
		tokenRoute: /^POST \/v1\/sessions/,
		products: 1,
		// Each item its own payment (identical rows would be one payment, refused as duplicates).
		node: mementoNode(
			'Memento',
			payParameters({ additionalFields: { description: '={{ $json.description }}' } }),
		),
		items: (count, tag) =>
			Array.from({ length: count }, (_, index) => ({ description: `${tag} ${index + 1}` })),
		helper: (info) => newCredentialsHelper([mementoCredential(info)]),
		tokenPerCall: forcePreAuthentication,
	},
	{
		title: 'Monerium address:get (OAuth2 client credentials, POST /auth/token)',
		provider: 'monerium',
		tokenRoute: /^POST \/auth\/token$/,
		products: 1,
		node: moneriumNode('Monerium', {
			resource: 'address',
			operation: 'get',
			address: locator(MONERIUM.address),
		}),
		items: (count) => Array.from({ length: count }, () => ({})),
		helper: (info) => newOAuthCredentialsHelper([clientCredentialsCredential(info)]),
		tokenPerCall: (helper) => {
			// n8n stores the token it fetched; a store that forgets it fetches one per call.
			helper.updateCredentialsOauthTokenData = async () => undefined;
		},
	},
];

describe('scenario 2: token reuse', () => {
	const rows: Row[] = [];
	const notes: string[] = [];

	afterAll(() => {
		writeSection({
			order: 2,
			title: `2. Token reuse (${ITEMS} items, fresh credential)`,
			rows,
			notes,
		});
	});

	for (const testCase of CASES) {
		it(testCase.title, async () => {
			const sandbox: SandboxProcess<never> = await startSandboxProcess(testCase.provider);
			try {
				const run = async (count: number, tag: string, perCall: boolean) => {
					await sandbox.reset();
					const helper = testCase.helper(sandbox.info);
					if (perCall) testCase.tokenPerCall(helper);
					const { ms, result } = await timed(
						async () =>
							await runWorkflow({
								items: testCase.items(count, tag),
								nodes: [testCase.node],
								credentialsHelper: helper,
							}),
					);
					if (result.error) throw result.error;
					expect(result.json(testCase.node.name)).toHaveLength(count);
					const summary = await sandbox.summary();
					return { ms, total: summary.total, tokens: countRoutes(summary, testCase.tokenRoute) };
				};
				await run(50, 'warm-a', false);
				await run(50, 'warm-b', true);
				const reuse = await run(ITEMS, 'reuse', false);
				const perCall = await run(ITEMS, 'per-call', true);
				expect(reuse.tokens).toBe(testCase.products);
				expect(perCall.tokens).toBe(ITEMS * testCase.products);
				const label = testCase.title.split(' (')[0];
				rows.push(
					{
						measure: `${label}: token requests`,
						value: reuse.tokens,
						unit: 'requests',
						baseline: 'token per call',
						baselineValue: perCall.tokens,
						target: testCase.products === 1 ? '= 1' : '= 1 per product (collection + disbursement)',
						met: reuse.tokens === testCase.products,
					},
					{
						measure: `${label}: total requests`,
						value: reuse.total,
						unit: 'requests',
						baseline: 'token per call',
						baselineValue: perCall.total,
					},
					{
						measure: `${label}: wall time, ms`,
						value: round(reuse.ms, 0),
						unit: 'ms',
						baseline: 'token per call',
						baselineValue: round(perCall.ms, 0),
					},
				);
			} finally {
				await sandbox.close();
			}
		});
	}

	it('explains the baseline', () => {
		notes.push(
			'Baseline "token per call": the same node and engine, with the credential store made to forget the token (MoMo, Memento: `preAuthentication` forced on every request; Monerium: n8n\'s OAuth2 token never saved), which is what a node that asks for a token before each call costs. The MoMo credential holds a collection and a disbursement subscription key, so its one preAuthentication fetches both products\' tokens together: 2 token requests per credential lifetime, 2 per item in the baseline. Each sandbox runs in its own process; a 50-item warm-up of each variant is not counted.',
		);
	});
});
