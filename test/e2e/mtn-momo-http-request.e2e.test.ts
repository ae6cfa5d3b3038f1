// n8n's own HTTP Request node with the pack's MTN MoMo credential (Predefined Credential Type), in
// a real n8n: the credential's preAuthentication fetches one token per product, its authenticate
// puts the right product's Bearer token, subscription key and target environment on the request.
// The HTTP Request node goes through requestWithAuthentication, which hands the credential the
// legacy `uri` (no `url`): read as `${baseURL}${url}`, no product was found and the sandbox
// answered "Access token is missing".
import { randomUUID } from 'node:crypto';

import type { MomoSandbox } from '../sandboxes/mtn-momo';
import { MOMO_CREDENTIAL_ID } from './providers';
import { describeFailure, nodeOutput } from './lib/n8n-output';
import { providerEnvironment, type ProviderEnvironment } from './lib/setup';

const CREDENTIAL = { mtnMomoApi: { id: MOMO_CREDENTIAL_ID, name: 'MTN MoMo sandbox' } };
const PAYER = '46733123459';

/** An HTTP Request node (4.2) calling the MoMo API with the predefined mtnMomoApi credential. */
function momoHttpNode(
	name: string,
	position: number,
	request: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: object },
) {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [position * 240, 0],
		parameters: {
			method: request.method,
			url: request.url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'mtnMomoApi',
			sendHeaders: request.headers !== undefined,
			headerParameters: {
				parameters: Object.entries(request.headers ?? {}).map(([key, value]) => ({
					name: key,
					value,
				})),
			},
			sendBody: request.body !== undefined,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: JSON.stringify(request.body ?? {}),
			options: { response: { response: { fullResponse: true } } },
		},
		credentials: CREDENTIAL,
	};
}

/** Manual Trigger followed by the given nodes, one after the other. */
function chain(id: string, name: string, nodes: Array<ReturnType<typeof momoHttpNode>>) {
	const start = {
		id: randomUUID(),
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [start, ...nodes];
	const connections = Object.fromEntries(
		all
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: all, connections };
}

describe("n8n's HTTP Request node with the MTN MoMo credential", () => {
	let env: ProviderEnvironment<MomoSandbox>;

	beforeAll(async () => {
		env = await providerEnvironment<MomoSandbox>('momo');
	});

	afterAll(async () => {
		await env?.dispose();
	});

	it('requests a payment, reads it back and the disbursement balance, one token per product', async () => {
		env.sandbox.reset();
		const root = env.sandbox.baseUrl.replace(/\/+$/, '');
		const referenceId = randomUUID();
		const pay = chain('momoHttpReqPay01', 'MoMo with the HTTP Request node: request to pay', [
			momoHttpNode('Request to Pay', 1, {
				method: 'POST',
				url: `${root}/collection/v1_0/requesttopay`,
				headers: { 'X-Reference-Id': referenceId },
				body: {
					amount: '25.50',
					currency: 'EUR',
					externalId: 'http-node-order-1',
					payer: { partyIdType: 'MSISDN', partyId: PAYER },
					payerMessage: 'HTTP Request node',
					payeeNote: 'n8n payments pack',
				},
			}),
			momoHttpNode('Read Status', 2, {
				method: 'GET',
				url: `${root}/collection/v1_0/requesttopay/${referenceId}`,
			}),
			momoHttpNode('Disbursement Balance', 3, {
				method: 'GET',
				url: `${root}/disbursement/v1_0/account/balance`,
			}),
		]);
		const reread = chain('momoHttpReqRead1', 'MoMo with the HTTP Request node: read status', [
			momoHttpNode('Read Status Again', 1, {
				method: 'GET',
				url: `${root}/collection/v1_0/requesttopay/${referenceId}`,
			}),
		]);
		await env.n8n.importWorkflows([pay, reread]);

		const first = await env.n8n.execute(pay.id);
		if (!first.run || first.code !== 0) throw new Error(describeFailure(first));
		expect(nodeOutput(first.run, 'Request to Pay')[0]).toMatchObject({ statusCode: 202 });
		expect(nodeOutput(first.run, 'Read Status')[0]).toMatchObject({
			statusCode: 200,
			body: {
				amount: '25.50',
				currency: 'EUR',
				externalId: 'http-node-order-1',
				payer: { partyIdType: 'MSISDN', partyId: PAYER },
			},
		});
		expect(nodeOutput(first.run, 'Disbursement Balance')[0]).toMatchObject({
			statusCode: 200,
			body: { currency: 'EUR' },
		});
		expect(env.sandbox.stats.requestsToPay).toBe(1);
		expect(env.sandbox.stats.tokenRequests).toEqual({ collection: 1, disbursement: 1 });

		// The tokens stored with the credential by the first execution serve the next one.
		const second = await env.n8n.execute(reread.id);
		if (!second.run || second.code !== 0) throw new Error(describeFailure(second));
		expect(nodeOutput(second.run, 'Read Status Again')[0]).toMatchObject({
			statusCode: 200,
			body: { externalId: 'http-node-order-1' },
		});
		expect(env.sandbox.stats.tokenRequests).toEqual({ collection: 1, disbursement: 1 });
		expect(env.sandbox.stats.requestsToPay).toBe(1);

		const everything = JSON.stringify([first.run, second.run]);
		expect(everything).not.toContain(env.sandbox.apiKey);
		expect(everything).not.toContain(env.sandbox.subscriptionKeys.collection);
		expect(everything).not.toContain(env.sandbox.subscriptionKeys.disbursement);
	});
});
