/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sleep, type IDataObject } from 'n8n-workflow';

import { runWebhook, runWebhookMethod } from '../../harness/run-trigger';
import type { TestNode } from '../../harness/run-workflow';
import { momoCallbackToken } from '../../../nodes/MtnMomo/trigger/callback';
import { TEST_MSISDNS, type CallbackRecord } from '../../sandboxes/mtn-momo';
import {
	CREDENTIAL_ID,
	momoCredential,
	momoNode,
	requestToPayParameters,
	useMomoSandbox,
} from './momo.fixture';

/** Stands in for n8n's webhook URL: records what MoMo calls back with. */
async function startReceiver(): Promise<{ url: string; close(): Promise<void> }> {
	const server: Server = createServer((req: IncomingMessage, res) => {
		req.resume();
		req.on('end', () => res.writeHead(200).end('{}'));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/momo/callback`,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

function triggerNode(parameters: IDataObject = {}): TestNode {
	return {
		name: 'MoMo Trigger',
		type: 'mtnMomoTrigger',
		parameters,
		credentials: { mtnMomoApi: CREDENTIAL_ID },
	};
}

/**
 * The path parameters n8n hands the trigger for a callback URL of the path form
 * (…/callback/<webhook id>/<product>/<referenceId>/token/<token>), as its dynamic webhook does.
 */
function pathParameters(url: URL): IDataObject {
	const segments = url.pathname.split('/');
	const at = segments.lastIndexOf('callback', segments.length - 6);
	if (at < 0 || segments.length !== at + 6 || segments[at + 4] !== 'token') return {};
	const [product, referenceId, , token] = segments.slice(at + 2);
	return { product, referenceId, token };
}

function asWebhookRequest(callback: CallbackRecord) {
	const url = new URL(callback.url);
	return {
		method: callback.method,
		headers: { 'content-type': 'application/json' },
		query: Object.fromEntries(url.searchParams),
		params: pathParameters(url),
		body: callback.body,
	};
}

describe.each(['PUT', 'POST'] as const)(
	'MTN MoMo Trigger with callbacks by %s',
	(callbackMethod) => {
		const { sandbox, run } = useMomoSandbox({ callbackMethod });
		let receiver: Awaited<ReturnType<typeof startReceiver>>;
		beforeAll(async () => {
			receiver = await startReceiver();
		});
		afterAll(async () => await receiver.close());

		async function payAndCallBack(msisdn: string) {
			const pay = await run({
				// Its own External ID per test: the same one would be the same payment (and reference).
				items: [{ externalId: `order-cb-${randomUUID()}`, msisdn }],
				nodes: [
					momoNode(
						'Pay',
						requestToPayParameters({ additionalFields: { callbackUrl: receiver.url } }),
					),
				],
			});
			expect(pay.error).toBeUndefined();
			await sleep(60);
			await sandbox().flushCallbacks();
			const [callback] = sandbox().callbacks;
			expect(callback).toMatchObject({ method: callbackMethod, statusCode: 200 });
			return { referenceId: pay.json('Pay')[0].referenceId as string, callback };
		}

		it('confirms the status with MoMo before starting the workflow', async () => {
			const { referenceId, callback } = await payAndCallBack(TEST_MSISDNS.success);
			const outcome = await runWebhook({
				node: triggerNode(),
				credentials: [momoCredential(sandbox())],
				request: asWebhookRequest(callback),
			});
			expect(outcome.statusCode).toBe(200);
			expect(outcome.emitted?.[0]).toHaveLength(1);
			expect(outcome.emitted?.[0][0].json).toMatchObject({
				referenceId,
				product: 'collection',
				status: 'SUCCESSFUL',
				amount: '100.00',
				currency: 'EUR',
				partyId: TEST_MSISDNS.success,
				confirmed: true,
			});
			// Confirmed: only MoMo's answer, nothing of the caller's body.
			expect(outcome.emitted?.[0][0].json).not.toHaveProperty('callback');
			// The URL MoMo called carried the reference and the token the node added, in its path.
			expect(pathParameters(new URL(callback.url))).toEqual({
				product: 'collection',
				referenceId,
				token: momoCallbackToken(sandbox().apiKey, 'collection', referenceId),
			});
			expect(outcome.emitted?.[0][0].json.financialTransactionId).toEqual(expect.any(String));
			const reads = sandbox().requests.filter(
				(request) => request.path === `/collection/v1_0/requesttopay/${referenceId}`,
			);
			expect(reads).toHaveLength(1);
		});

		it('a forged callback claiming success emits what MoMo really holds (FAILED, with the reason)', async () => {
			const { callback } = await payAndCallBack(TEST_MSISDNS.rejected);
			const forged = {
				...callback,
				body: { ...callback.body, status: 'SUCCESSFUL', reason: undefined },
			};
			const outcome = await runWebhook({
				node: triggerNode(),
				credentials: [momoCredential(sandbox())],
				request: asWebhookRequest(forged),
			});
			expect(outcome.emitted?.[0][0].json).toMatchObject({
				status: 'FAILED',
				reason: 'APPROVAL_REJECTED',
				confirmed: true,
			});
		});

		it('the same final callback twice starts the workflow once', async () => {
			const { callback } = await payAndCallBack(TEST_MSISDNS.success);
			const staticData: IDataObject = {};
			const setup = { node: triggerNode(), credentials: [momoCredential(sandbox())], staticData };
			const first = await runWebhook({ ...setup, request: asWebhookRequest(callback) });
			const second = await runWebhook({ ...setup, request: asWebhookRequest(callback) });
			expect(first.emitted?.[0]).toHaveLength(1);
			// It answers itself before the run starts, so n8n saves the remembered status first.
			expect(first).toMatchObject({
				noWebhookResponse: true,
				statusCode: 200,
				responseBody: { message: 'Received' },
			});
			expect(second.emitted).toBeUndefined();
			expect(second.statusCode).toBe(200);
			expect(second.responseBody).toEqual({ message: 'Already received; nothing started' });
		});

		it('a repeated callback handled on a record that lost the first one (a concurrent save) starts nothing', async () => {
			const { callback } = await payAndCallBack(TEST_MSISDNS.success);
			const node = triggerNode();
			const credentials = [momoCredential(sandbox())];
			const first = await runWebhook({
				node,
				credentials,
				staticData: {},
				request: asWebhookRequest(callback),
			});
			expect(first.emitted?.[0]).toHaveLength(1);
			// n8n loads static data per delivery and saves it whole: this copy never saw the first one.
			const second = await runWebhook({
				node,
				credentials,
				staticData: {},
				request: asWebhookRequest(callback),
			});
			expect(second.emitted).toBeUndefined();
			expect(second.responseBody).toEqual({ message: 'Already received; nothing started' });
		});
	},
);

describe('MTN MoMo Trigger: rejected callbacks', () => {
	const { sandbox } = useMomoSandbox();
	const credentials = () => [momoCredential(sandbox())];
	const UNKNOWN = '3f4b5c2e-8a1d-4c6e-9b7f-000000000000';
	const tokenFor = (referenceId: string, product = 'collection') =>
		momoCallbackToken(sandbox().apiKey, product, referenceId);

	it('a callback for an unknown reference is answered 404 and starts nothing', async () => {
		const outcome = await runWebhook({
			node: triggerNode(),
			credentials: credentials(),
			request: {
				method: 'PUT',
				query: { referenceId: UNKNOWN, token: tokenFor(UNKNOWN) },
				body: { status: 'SUCCESSFUL', amount: '100', currency: 'EUR' },
			},
		});
		expect(outcome.statusCode).toBe(404);
		expect(outcome.emitted).toBeUndefined();
	});

	it.each([
		['no token', { referenceId: UNKNOWN }],
		['a wrong token', { referenceId: UNKNOWN, token: 'forged' }],
		['the token of another payment', { referenceId: UNKNOWN, token: 'x' }],
		['the token of the other product', { referenceId: UNKNOWN, product: 'disbursement' }],
		['no reference', {}],
	])(
		'a callback with %s is answered 401 before anything else: no MoMo call, no run',
		async (_, query: IDataObject) => {
			const withToken =
				query.token === 'x'
					? { ...query, token: tokenFor('3f4b5c2e-8a1d-4c6e-9b7f-000000000009') }
					: query.product
						? { ...query, token: tokenFor(UNKNOWN, 'disbursement') }
						: query;
			const outcome = await runWebhook({
				node: triggerNode(),
				credentials: credentials(),
				request: { method: 'PUT', query: withToken, body: { status: 'SUCCESSFUL' } },
			});
			expect(outcome.statusCode).toBe(401);
			expect(outcome.emitted).toBeUndefined();
			expect(JSON.stringify(outcome.responseBody)).not.toContain(sandbox().apiKey);
			expect(sandbox().requests).toHaveLength(0);
		},
	);

	it('refused callbacks are counted and reported with the next run, without the token', async () => {
		const node = triggerNode({ confirmStatus: false, product: 'disbursement' });
		const reference = '3f4b5c2e-8a1d-4c6e-9b7f-000000000005';
		const forged = { method: 'PUT' as const, query: { referenceId: reference }, body: {} };
		const before = await runWebhook({ node, credentials: credentials(), request: forged });
		expect(before.statusCode).toBe(401);
		await runWebhook({ node, credentials: credentials(), request: forged });
		const genuine = await runWebhook({
			node,
			credentials: credentials(),
			request: {
				method: 'PUT',
				query: { referenceId: reference, token: tokenFor(reference, 'disbursement') },
				body: { status: 'SUCCESSFUL', amount: '5', currency: 'EUR' },
			},
		});
		const refused = genuine.emitted?.[0][0].json.rejectedCallbacks as IDataObject;
		expect(refused.count).toBeGreaterThanOrEqual(2);
		expect(refused.lastAt).toEqual(expect.any(String));
	});

	it('with confirmation off, a callback with its token is emitted as received and marked unconfirmed', async () => {
		const reference = '3f4b5c2e-8a1d-4c6e-9b7f-000000000001';
		const outcome = await runWebhook({
			node: triggerNode({ confirmStatus: false, product: 'disbursement' }),
			credentials: credentials(),
			request: {
				method: 'PUT',
				query: {
					referenceId: reference,
					product: 'disbursement',
					token: tokenFor(reference, 'disbursement'),
				},
				body: {
					status: 'FAILED',
					reason: 'PAYEE_NOT_FOUND',
					amount: '5',
					currency: 'EUR',
					payee: { partyIdType: 'MSISDN', partyId: '46733123456' },
				},
			},
		});
		expect(outcome.emitted?.[0][0].json).toMatchObject({
			product: 'disbursement',
			status: 'FAILED',
			reason: 'PAYEE_NOT_FOUND',
			partyId: '46733123456',
			confirmed: false,
		});
		expect(sandbox().requests).toHaveLength(0);
	});

	it('activation needs nothing at MoMo: the URL travels with each request', async () => {
		for (const method of ['checkExists', 'create', 'delete'] as const) {
			const { result, webhookUrl } = await runWebhookMethod({
				node: triggerNode(),
				credentials: credentials(),
				method,
			});
			expect(result).toBe(true);
			expect(webhookUrl).toMatch(/\/callback$/);
		}
		expect(sandbox().requests).toHaveLength(0);
	});

	it.each([
		[{ confirmStatus: false, requireToken: false }, /whatever anyone sends/],
		[{ product: 'auto' }, /Choose the product/],
	])('activation is refused for %j', async (parameters, message) => {
		await expect(
			runWebhookMethod({
				node: triggerNode(parameters),
				credentials: credentials(),
				method: 'checkExists',
			}),
		).rejects.toThrow(message);
	});

	it('activation is refused when the credential has no API key to check tokens with', async () => {
		await expect(
			runWebhookMethod({
				node: triggerNode(),
				credentials: [momoCredential(sandbox(), { apiKey: '' })],
				method: 'checkExists',
			}),
		).rejects.toThrow(/no API Key/);
	});

	it('without the token requirement (confirmation on) a callback is confirmed with MoMo', async () => {
		const outcome = await runWebhook({
			node: triggerNode({ requireToken: false }),
			credentials: credentials(),
			request: { method: 'PUT', query: { referenceId: UNKNOWN }, body: {} },
		});
		expect(outcome.statusCode).toBe(404);
		expect(sandbox().requests.map((request) => request.path)).toContain(
			`/collection/v1_0/requesttopay/${UNKNOWN}`,
		);
	});
});

describe('MTN MoMo callbacks from a MoMo that drops the callback query (a reading the document allows)', () => {
	const { sandbox, run } = useMomoSandbox({ callbackQuery: 'drop' });
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeAll(async () => {
		receiver = await startReceiver();
	});
	afterAll(async () => await receiver.close());

	it('the callback arrives without its query and the trigger still confirms it and starts the workflow once: reference and token travel in the path', async () => {
		const pay = await run({
			items: [{ externalId: 'order-drop', msisdn: TEST_MSISDNS.success }],
			nodes: [
				momoNode(
					'Pay',
					requestToPayParameters({ additionalFields: { callbackUrl: receiver.url } }),
				),
			],
		});
		expect(pay.error).toBeUndefined();
		const referenceId = pay.json('Pay')[0].referenceId as string;
		// What the node sends carries nothing in the query that MoMo could drop.
		const [sent] = sandbox().requests.filter((r) => r.path === '/collection/v1_0/requesttopay');
		const sentUrl = new URL(sent.headers['x-callback-url'] as string);
		expect(sentUrl.search).toBe('');
		expect(sentUrl.pathname).toContain(`/callback/momo/collection/${referenceId}/token/`);
		await sleep(60);
		await sandbox().flushCallbacks();
		const [callback] = sandbox().callbacks;
		expect(new URL(callback.url).search).toBe('');
		const staticData: IDataObject = {};
		const setup = { node: triggerNode(), credentials: [momoCredential(sandbox())], staticData };
		const outcome = await runWebhook({ ...setup, request: asWebhookRequest(callback) });
		expect(outcome.statusCode).toBe(200);
		expect(outcome.emitted?.[0][0].json).toMatchObject({
			referenceId,
			status: 'SUCCESSFUL',
			confirmed: true,
		});
		const again = await runWebhook({ ...setup, request: asWebhookRequest(callback) });
		expect(again.emitted).toBeUndefined();
	});

	it('a callback URL that is not a trigger Production URL keeps the query form', async () => {
		const custom = `${receiver.url.replace(/\/callback$/, '/momo-proxy')}?source=shop`;
		const pay = await run({
			items: [{ externalId: 'order-custom-url', msisdn: TEST_MSISDNS.success }],
			nodes: [
				momoNode('Pay', requestToPayParameters({ additionalFields: { callbackUrl: custom } })),
			],
		});
		expect(pay.error).toBeUndefined();
		const referenceId = pay.json('Pay')[0].referenceId as string;
		const [sent] = sandbox().requests.filter((r) => r.path === '/collection/v1_0/requesttopay');
		const sentUrl = new URL(sent.headers['x-callback-url'] as string);
		expect(sentUrl.pathname).toMatch(/\/momo-proxy$/);
		expect(Object.fromEntries(sentUrl.searchParams)).toEqual({
			source: 'shop',
			referenceId,
			product: 'collection',
			token: momoCallbackToken(sandbox().apiKey, 'collection', referenceId),
		});
	});
});
