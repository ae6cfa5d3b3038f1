/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { setImmediate as tick } from 'node:timers/promises';

import { startConductorSandbox, type ConductorSandbox } from './index';
import { conductorClient, txBody, type ConductorCall } from './test-client';

let sandbox: ConductorSandbox;
let call: ConductorCall;

beforeAll(async () => {
	sandbox = await startConductorSandbox();
	call = conductorClient(sandbox);
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

describe('idempotency', () => {
	it('replays the saved status and body with Idempotent-Replayed, creating nothing new', async () => {
		const body = txBody();
		const first = await call('POST', '/transactions', { body, idempotencyKey: 'key-1' });
		expect(first.status).toBe(201);
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		// Same body with another key order: same canonical fingerprint.
		const reordered = { items: body.items, external_reference: body.external_reference };
		const second = await call('POST', '/transactions', {
			body: reordered,
			idempotencyKey: 'key-1',
		});
		expect(second.status).toBe(201);
		expect(second.headers.get('idempotent-replayed')).toBe('true');
		expect(second.text).toBe(first.text);
		expect(sandbox.stats).toMatchObject({ transactionsCreated: 1, replays: 1 });
	});

	it('replays saved endpoint errors too (e.g. ALREADY_COMPLETED)', async () => {
		const created = await call('POST', '/transactions', {
			body: txBody({ complete: true, payment_method: 'CASH' }),
		});
		const path = `/transactions/${created.json.data?.id as string}/complete`;
		const body = { payment_method: 'CASH' };
		const first = await call('POST', path, { body, idempotencyKey: 'done-twice' });
		expect(first.json.status.type).toBe('ALREADY_COMPLETED');
		const again = await call('POST', path, { body, idempotencyKey: 'done-twice' });
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(again.text).toBe(first.text);
	});

	it('answers 422 when the same key comes with different parameters', async () => {
		await call('POST', '/transactions', { body: txBody(), idempotencyKey: 'key-2' });
		const other = await call('POST', '/transactions', { body: txBody(), idempotencyKey: 'key-2' });
		expect(other.status).toBe(422);
		expect(other.json.status.type).toBe('UNPROCESSABLE_CONTENT');
		const otherRetailer = await call('POST', '/transactions', {
			body: txBody(),
			idempotencyKey: 'key-2',
			headers: { 'retailer-id': 'RETAILER-002' },
		});
		expect(otherRetailer.status).toBe(422);
		expect(sandbox.stats.transactionsCreated).toBe(1);
	});

	it('answers 409 to a concurrent request with the same key, saving nothing for it', async () => {
		sandbox.injectFault({ kind: 'delay', delayMs: 150, path: '/transactions' });
		const body = txBody();
		const slow = call('POST', '/transactions', { body, idempotencyKey: 'key-3' });
		// Wait until the sandbox has received (and started executing) the slow request.
		while (sandbox.requests.length === 0) await tick();
		const concurrent = await call('POST', '/transactions', { body, idempotencyKey: 'key-3' });
		expect(concurrent.status).toBe(409);
		expect(concurrent.json.status.type).toBe('CONFLICT');
		expect((await slow).status).toBe(201);
		const retry = await call('POST', '/transactions', { body, idempotencyKey: 'key-3' });
		expect(retry.headers.get('idempotent-replayed')).toBe('true');
		expect(sandbox.stats.transactionsCreated).toBe(1);
	});

	it('rejects keys longer than 255 characters and saves nothing', async () => {
		const long = 'k'.repeat(256);
		const body = txBody();
		const rejected = await call('POST', '/transactions', { body, idempotencyKey: long });
		expect(rejected.status).toBe(400);
		expect(rejected.json.status.type).toBe('BAD_REQUEST');
		expect(sandbox.stats.transactionsCreated).toBe(0);
		const ok = await call('POST', '/transactions', { body, idempotencyKey: 'k'.repeat(255) });
		expect(ok.status).toBe(201);
	});

	it('saves nothing when validation fails, so the key can be used again', async () => {
		const bad = txBody({ items: [] });
		expect(
			(await call('POST', '/transactions', { body: bad, idempotencyKey: 'key-4' })).status,
		).toBe(400);
		const noRetailer = await call('POST', '/transactions', {
			body: txBody(),
			idempotencyKey: 'key-4',
			headers: { 'retailer-id': undefined },
		});
		expect(noRetailer.status).toBe(400);
		const unauthorized = await call('POST', '/transactions', {
			body: txBody(),
			idempotencyKey: 'key-4',
			headers: { authorization: 'Bearer sk_wrong' },
		});
		expect(unauthorized.status).toBe(401);
		const good = await call('POST', '/transactions', { body: txBody(), idempotencyKey: 'key-4' });
		expect(good.status).toBe(201);
		expect(good.headers.get('idempotent-replayed')).toBeNull();
	});

	it('ignores the key on GET and does not make keyless POSTs idempotent', async () => {
		const body = txBody();
		const created = await call('POST', '/transactions', { body });
		const get = `/transactions/${created.json.data?.id as string}`;
		await call('GET', get, { idempotencyKey: 'key-5' });
		const second = await call('GET', get, { idempotencyKey: 'key-5' });
		expect(second.headers.get('idempotent-replayed')).toBeNull();
		const dup = await call('POST', '/transactions', { body });
		expect(dup.json.status.type).toBe('INVALID_EXTERNAL_REFERENCE');
		expect(sandbox.stats.replays).toBe(0);
	});
});

describe('faults', () => {
	it('drop-after-processing: state changes, the socket closes, a keyed retry replays', async () => {
		sandbox.injectFault({ kind: 'drop-after-processing', method: 'POST', path: '/transactions' });
		const body = txBody();
		await expect(
			call('POST', '/transactions', { body, idempotencyKey: 'drop-1' }),
		).rejects.toThrow();
		expect(sandbox.transactions()).toHaveLength(1);
		const retry = await call('POST', '/transactions', { body, idempotencyKey: 'drop-1' });
		expect(retry.status).toBe(201);
		expect(retry.headers.get('idempotent-replayed')).toBe('true');
		expect(sandbox.stats).toMatchObject({ transactionsCreated: 1, replays: 1 });
	});

	it('hold-after-processing: the transaction exists and its answer is saved before the answer is sent', async () => {
		let release!: () => void;
		let held!: (value: string) => void;
		const holding = new Promise<string>((resolve) => (held = resolve));
		sandbox.injectFault({
			kind: 'hold-after-processing',
			method: 'POST',
			path: '/transactions',
			hold: async (request) => {
				held(String(request.headers['idempotency-key']));
				await new Promise<void>((resolve) => (release = resolve));
			},
		});
		const body = txBody();
		const answer = call('POST', '/transactions', { body, idempotencyKey: 'hold-1' });
		expect(await holding).toBe('hold-1');
		// carried out while the client still waits
		expect(sandbox.transactions()).toHaveLength(1);
		const replay = await call('POST', '/transactions', { body, idempotencyKey: 'hold-1' });
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		release();
		expect((await answer).status).toBe(201);
		expect(sandbox.stats).toMatchObject({ transactionsCreated: 1, replays: 1 });
	});

	it('status-500: no state change, the 500 is saved and replayed', async () => {
		sandbox.injectFault({ kind: 'status-500', path: /\/transactions$/ });
		const body = txBody();
		const failed = await call('POST', '/transactions', { body, idempotencyKey: 'five-1' });
		expect(failed.status).toBe(500);
		expect(failed.json.status.type).toBe('INTERNAL_SERVER_ERROR');
		expect(sandbox.transactions()).toHaveLength(0);
		const replay = await call('POST', '/transactions', { body, idempotencyKey: 'five-1' });
		expect(replay.status).toBe(500);
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		const fresh = await call('POST', '/transactions', { body, idempotencyKey: 'five-2' });
		expect(fresh.status).toBe(201);
	});

	it('status-503: before anything, nothing saved', async () => {
		sandbox.injectFault({ kind: 'status-503', times: 2 });
		const body = txBody();
		const health = await call('POST', '/healthcheck', { root: true });
		expect(health.status).toBe(503);
		const first = await call('POST', '/transactions', { body, idempotencyKey: 'gw-1' });
		expect(first.status).toBe(503);
		expect(first.json.status.code).toBe(503);
		const retry = await call('POST', '/transactions', { body, idempotencyKey: 'gw-1' });
		expect(retry.status).toBe(201);
		expect(retry.headers.get('idempotent-replayed')).toBeNull();
	});

	it('status-429: Retry-After header, nothing saved, even before auth', async () => {
		sandbox.injectFault({ kind: 'status-429', retryAfterSeconds: 3, method: 'GET' });
		const limited = await call('GET', '/catalogs', { headers: { authorization: undefined } });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('3');
		expect((await call('GET', '/catalogs')).status).toBe(200);
		sandbox.injectFault({ kind: 'status-429' });
		expect((await call('GET', '/catalogs')).headers.get('retry-after')).toBe('1');
	});

	it('matches faults by method and path and only consumes them when they apply', async () => {
		sandbox.injectFault({ kind: 'status-503', method: 'GET', path: '/conductor/v1/catalogs' });
		expect((await call('POST', '/healthcheck', { root: true })).status).toBe(200);
		expect((await call('GET', '/catalogs')).status).toBe(503);
		expect((await call('GET', '/catalogs')).status).toBe(200);
		sandbox.injectFault({ kind: 'status-500', path: '/transactions' });
		// A validation failure never reaches the endpoint, so the 500 is still pending.
		expect((await call('POST', '/transactions', { body: txBody({ items: [] }) })).status).toBe(400);
		expect((await call('POST', '/transactions', { body: txBody() })).status).toBe(500);
	});

	it('reset clears state, stats, requests, faults and saved keys', async () => {
		const body = txBody();
		await call('POST', '/transactions', { body, idempotencyKey: 'reset-1' });
		sandbox.injectFault({ kind: 'status-503' });
		const requests = sandbox.requests;
		sandbox.reset();
		expect(requests).toHaveLength(0);
		expect(sandbox.transactions()).toHaveLength(0);
		expect(sandbox.stats.transactionsCreated).toBe(0);
		const again = await call('POST', '/transactions', { body, idempotencyKey: 'reset-1' });
		expect(again.status).toBe(201);
		expect(again.headers.get('idempotent-replayed')).toBeNull();
	});
});
