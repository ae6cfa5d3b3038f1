/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';

import { momentoCallbackToken } from '../../../nodes/Momento/trigger/callback';
import { runWebhook, runWebhookMethod, type WebhookOutcome } from '../../harness/run-trigger';
import type { TestNode } from '../../harness/run-workflow';
import {
	CREDENTIAL_ID,
	depositParameters,
	momentoCredential,
	momentoNode,
	useMomentoSandbox,
} from './momento.fixture';

const TOKEN = 's3cret-token';

function triggerNode(parameters: IDataObject = {}): TestNode {
	return {
		name: 'Momento Trigger',
		type: 'momentoTrigger',
		parameters: {
			events: ['depositStatusChanged', 'withdrawalStatusChanged'],
			confirm: true,
			token: TOKEN,
			...parameters,
		},
		credentials: { momentoApi: CREDENTIAL_ID },
	};
}

describe('Momento Trigger: status callbacks, confirmed with the API', () => {
	const { sandbox, run } = useMomentoSandbox();
	let bridge: Server;
	let bridgeUrl: string;
	let outcomes: WebhookOutcome[];
	let staticData: IDataObject;
	let node: TestNode;

	// Stands in for n8n's webhook server: real HTTP in, the trigger's webhook() behind it.
	beforeAll(async () => {
		bridge = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const rawBody = Buffer.concat(chunks);
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				let body: unknown = {};
				try {
					body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
				} catch {
					body = rawBody.toString('utf8');
				}
				runWebhook({
					node,
					credentials: [momentoCredential(sandbox())],
					staticData,
					request: {
						method: 'POST',
						headers: req.headers as Record<string, string>,
						query: Object.fromEntries(url.searchParams.entries()),
						body,
						rawBody,
					},
				})
					.then((outcome) => {
						outcomes.push(outcome);
						res.writeHead(outcome.statusCode, { 'content-type': 'application/json' });
						res.end(JSON.stringify(outcome.responseBody ?? {}));
					})
					.catch((error: Error) => {
						res.writeHead(500);
						res.end(error.message);
					});
			});
		});
		await new Promise<void>((resolve) => bridge.listen(0, '127.0.0.1', resolve));
		bridgeUrl = `http://127.0.0.1:${(bridge.address() as AddressInfo).port}/webhook/momento`;
	});
	afterAll(async () => await new Promise((resolve) => bridge.close(resolve)));
	beforeEach(() => {
		outcomes = [];
		staticData = {};
		node = triggerNode();
	});

	async function createDeposit(orderId: string, callbackUrl = `${bridgeUrl}?token=${TOKEN}`) {
		const result = await run({
			nodes: [momentoNode('Deposit', depositParameters({ callbackUrl, options: { orderId } }))],
		});
		expect(result.error).toBeUndefined();
	}

	const post = async (body: unknown, query = `?token=${TOKEN}`) => {
		const response = await fetch(`${bridgeUrl}${query}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as IDataObject };
	};

	it('a genuine callback starts the workflow once, with the order as Momento reports it', async () => {
		await createDeposit('DEP-1');
		const delivery = await sandbox().setOrderStatus('deposit', 'DEP-1', 'completed');
		expect(delivery.responseStatus).toBe(200);
		expect(outcomes).toHaveLength(1);
		// The trigger answers itself: n8n 2.x saves the remembered status only for an answer it gets
		// before the run starts (see test/e2e/momento-trigger.e2e.test.ts, where a repeat started twice).
		expect(outcomes[0]).toMatchObject({
			noWebhookResponse: true,
			responseBody: { received: true },
		});
		expect(outcomes[0].emitted).toEqual([
			[
				{
					json: expect.objectContaining({
						event: 'deposit.status_changed',
						kind: 'deposit',
						orderID: 'DEP-1',
						status: 'completed',
						confirmed: true,
						order: expect.objectContaining({ amount: '500.00', status: 'completed' }),
					}),
				},
			],
		]);
		const reads = sandbox().requests.filter((r) => r.method === 'GET');
		expect(reads.map((r) => [r.path, r.query.orderID, r.signatureValid])).toEqual([
			['/deposit_orders/', 'DEP-1', true],
		]);
	});

	it('the same callback delivered twice emits once; a later status emits again', async () => {
		await createDeposit('DEP-2');
		const processing = await sandbox().setOrderStatus('deposit', 'DEP-2', 'processing');
		const again = await sandbox().redeliver(processing);
		expect(again.responseStatus).toBe(200);
		expect(JSON.parse(again.responseBody ?? '{}')).toEqual({ received: true, duplicate: true });
		await sandbox().setOrderStatus('deposit', 'DEP-2', 'completed');
		const emitted = outcomes.filter((outcome) => outcome.emitted);
		expect(emitted.map((outcome) => outcome.emitted?.[0][0].json.status)).toEqual([
			'processing',
			'completed',
		]);
	});

	it('a repeated callback handled on a record that lost the first one (a concurrent save) emits once', async () => {
		await createDeposit('DEP-STALE');
		const processing = await sandbox().setOrderStatus('deposit', 'DEP-STALE', 'processing');
		// n8n loads static data per delivery and saves it whole: this copy never saw the first one.
		staticData = {};
		const again = await sandbox().redeliver(processing);
		expect(JSON.parse(again.responseBody ?? '{}')).toEqual({ received: true, duplicate: true });
		expect(outcomes.filter((outcome) => outcome.emitted)).toHaveLength(1);
	});

	it('a forged callback for an order Momento does not have is answered 404 and starts nothing', async () => {
		const response = await post({ type: 'deposit', orderID: 'FORGED-1', status: 'completed' });
		expect(response).toEqual({
			status: 404,
			body: { error: 'UNKNOWN_ORDER', message: 'No such order at Momento' },
		});
		expect(outcomes[0].emitted).toBeUndefined();
	});

	it('a callback without the secret token is answered 401 before any API call', async () => {
		await createDeposit('DEP-3');
		sandbox().requests.length = 0;
		for (const query of ['', '?token=wrong', `?token=${TOKEN}x`]) {
			const response = await post(
				{ type: 'deposit', orderID: 'DEP-3', status: 'completed' },
				query,
			);
			expect(response.status).toBe(401);
		}
		expect(outcomes.every((outcome) => outcome.emitted === undefined)).toBe(true);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a body without orderID is a 400; an unselected event is acknowledged and ignored', async () => {
		expect((await post({ status: 'completed' })).status).toBe(400);
		node = triggerNode({ events: ['depositStatusChanged'] });
		const ignored = await post({ type: 'withdrawal', orderID: 'W-1', status: 'completed' });
		expect(ignored).toEqual({ status: 200, body: expect.objectContaining({ received: true }) });
		expect(outcomes.every((outcome) => outcome.emitted === undefined)).toBe(true);
	});

	it('with confirmation off and no token, a callback is refused (401) and starts nothing', async () => {
		node = triggerNode({ confirm: false, token: '', events: ['withdrawalStatusChanged'] });
		const response = await post({ orderID: 'W-9', status: 'failed' }, '');
		expect(response.status).toBe(401);
		expect(outcomes[0].emitted).toBeUndefined();
		expect(sandbox().requests).toHaveLength(0);
	});

	it('with confirmation off, a callback carrying its order token is emitted as received, token masked', async () => {
		node = triggerNode({ confirm: false, token: '', events: ['withdrawalStatusChanged'] });
		const token = momentoCallbackToken(sandbox().secretKey, 'W-9');
		const body = { orderID: 'W-9', status: 'failed', callback_url: `${bridgeUrl}?token=${token}` };
		const response = await post(body, `?token=${token}`);
		expect(response.status).toBe(200);
		const json = outcomes[0].emitted?.[0][0].json as IDataObject;
		expect(json).toMatchObject({ kind: 'withdrawal', status: 'failed', confirmed: false });
		expect(JSON.stringify(json)).not.toContain(token);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('the token of one order does not authenticate a callback about another', async () => {
		node = triggerNode({ token: '' });
		await createDeposit('DEP-OWN', bridgeUrl);
		sandbox().requests.length = 0;
		const token = momentoCallbackToken(sandbox().secretKey, 'DEP-OTHER');
		const response = await post({ type: 'deposit', orderID: 'DEP-OWN' }, `?token=${token}`);
		expect(response.status).toBe(401);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('the Momento node adds the order token itself; outputs show it masked; a confirmed run carries only Momento\'s answer', async () => {
		node = triggerNode({ token: '' });
		const result = await run({
			nodes: [
				momentoNode(
					'Deposit',
					depositParameters({ callbackUrl: bridgeUrl, options: { orderId: 'DEP-SIGNED' } }),
				),
			],
		});
		const token = momentoCallbackToken(sandbox().secretKey, 'DEP-SIGNED');
		expect(JSON.stringify(result.json('Deposit'))).not.toContain(token);
		expect(JSON.stringify(result.json('Deposit'))).toContain('token=***');
		const delivery = await sandbox().setOrderStatus('deposit', 'DEP-SIGNED', 'completed');
		expect(delivery.responseStatus).toBe(200);
		const json = outcomes[0].emitted?.[0][0].json as IDataObject;
		expect(json).toMatchObject({ orderID: 'DEP-SIGNED', status: 'completed', confirmed: true });
		expect(json).not.toHaveProperty('callback');
		expect(JSON.stringify(json)).not.toContain(token);
	});

	it('activation is refused when neither a token nor confirmation protects the trigger', async () => {
		await expect(
			runWebhookMethod({
				node: triggerNode({ confirm: false, requireToken: false, token: '' }),
				credentials: [momentoCredential(sandbox())],
				method: 'checkExists',
			}),
		).rejects.toThrow(/whatever anyone sends/);
	});

	it('activation records the callback URL to give Momento, and deactivation forgets it', async () => {
		// The same node (same webhook id) across activation calls, as in a saved workflow.
		const saved = { ...node, webhookId: 'f3a1c2d4-0000-4000-8000-000000000001' };
		const setup = { node: saved, credentials: [momentoCredential(sandbox())], staticData };
		expect((await runWebhookMethod({ ...setup, method: 'checkExists' })).result).toBe(false);
		const created = await runWebhookMethod({ ...setup, method: 'create' });
		expect(created.result).toBe(true);
		expect(created.webhookUrl).toMatch(/\/momento$/);
		expect((await runWebhookMethod({ ...setup, method: 'checkExists' })).result).toBe(true);
		await runWebhookMethod({ ...setup, method: 'delete' });
		expect((await runWebhookMethod({ ...setup, method: 'checkExists' })).result).toBe(false);
	});
});
