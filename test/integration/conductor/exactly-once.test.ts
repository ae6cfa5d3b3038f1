import { randomUUID } from 'node:crypto';

import {
	conductorNode,
	createTransactionParameters,
	useConductorSandbox,
} from './conductor.fixture';

describe('Moment Conductor: money moves exactly once', () => {
	const { sandbox, run } = useConductorSandbox();
	const createNode = (extra = {}) => conductorNode('Create', createTransactionParameters(), extra);

	it('a create whose answer is lost still succeeds, and the sandbox holds one transaction', async () => {
		sandbox().injectFault({ kind: 'drop-after-processing', method: 'POST', path: '/transactions' });
		const result = await run({ items: [{ reference: 'dropped-1' }], nodes: [createNode()] });

		expect(result.error).toBeUndefined();
		const [output] = result.json('Create');
		expect(output).toMatchObject({
			external_reference: 'dropped-1',
			idempotency: { replayed: true },
		});
		expect(sandbox().stats.transactionsCreated).toBe(1);
		const keys = sandbox().requests.map((request) => request.headers['idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(new Set(keys).size).toBe(1);
	});

	it('running the same items twice in one execution pays once', async () => {
		const executionId = randomUUID();
		const items = [{ reference: 'twice-1' }, { reference: 'twice-2' }];
		const first = await run({ items, nodes: [createNode()], executionId });
		const second = await run({ items, nodes: [createNode()], executionId });

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(sandbox().stats.transactionsCreated).toBe(2);
		expect(second.json('Create').map((item) => item.id)).toEqual(
			first.json('Create').map((item) => item.id),
		);
		expect(
			second.json('Create').every((item) => (item.idempotency as { replayed: boolean }).replayed),
		).toBe(true);
	});

	it("n8n's Retry On Fail re-runs the whole node: items already paid are replayed, not paid again", async () => {
		// Item 2 fails at the gateway more often than the transport retries, so the node fails once
		// and n8n runs it again from item 1.
		sandbox().injectFault({
			kind: 'status-503',
			method: 'POST',
			path: '/transactions',
			times: 4,
			when: (request) =>
				(request.body as { external_reference?: string }).external_reference === 'retry-2',
		});
		const result = await run({
			items: [{ reference: 'retry-1' }, { reference: 'retry-2' }],
			nodes: [createNode({ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 })],
		});

		expect(result.error).toBeUndefined();
		const outputs = result.json('Create');
		expect(outputs.map((item) => item.external_reference)).toEqual(['retry-1', 'retry-2']);
		expect(outputs[0]).toMatchObject({ idempotency: { replayed: true } });
		expect(outputs[1]).toMatchObject({ idempotency: { replayed: false } });
		expect(sandbox().stats.transactionsCreated).toBe(2);
	});

	it('a concurrent request with the same key waits (409) and then gets the replay', async () => {
		sandbox().injectFault({ kind: 'delay', method: 'POST', path: '/transactions', delayMs: 400 });
		const executionId = randomUUID();
		const items = [{ reference: 'concurrent-1' }];
		const [a, b] = await Promise.all([
			run({ items, nodes: [createNode()], executionId }),
			run({ items, nodes: [createNode()], executionId }),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(a.json('Create')[0].id).toBe(b.json('Create')[0].id);
		expect(sandbox().stats.transactionsCreated).toBe(1);
	});

	it('the same key with other parameters is a clear error, and nothing is paid twice', async () => {
		const invoiceNumber = 'invoice-2026-0042';
		const withKey = (value: string) =>
			conductorNode(
				'Create',
				createTransactionParameters({
					billItems: {
						bill: [{ id: 'bill_651574c0d016708b8b37b8ab', amount: value, currency: 'ZAR' }],
					},
					options: { idempotencyKey: invoiceNumber },
				}),
			);
		const first = await run({ items: [{ reference: 'keyed-1' }], nodes: [withKey('929.00')] });
		expect(first.error).toBeUndefined();
		const second = await run({ items: [{ reference: 'keyed-1' }], nodes: [withKey('929')] });
		expect(second.error).toBeUndefined();
		expect(second.json('Create')[0]).toMatchObject({ idempotency: { replayed: true } });

		const third = await run({ items: [{ reference: 'keyed-2' }], nodes: [withKey('929.00')] });
		expect(third.error?.message).toContain('422 UNPROCESSABLE_CONTENT');
		expect(third.error?.description).toMatch(
			/Idempotency Key was already used with different fields/,
		);
		expect(sandbox().stats.transactionsCreated).toBe(1);
	});
});
