import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { TestJournal } from '../../harness/journal';
import { movesOf } from '../../sandboxes/memento';
import {
	CARD_UUID,
	mementoNode,
	payParameters,
	UNVERIFIED_SOURCE_UUID,
	useMementoSandbox,
} from './memento.fixture';

/**
 * The Memento document promises no deduplication (the Idempotency-Key header is the pack's
 * assumption), so the sandbox runs here in the reading that IGNORES the header: every request it
 * receives is executed. Whatever happens, each move must be made once; the tests count them.
 */
describe('Memento Payments: money moves once without provider deduplication', () => {
	const { sandbox, run } = useMementoSandbox({ idempotency: 'ignore' });
	const moves = () => movesOf(sandbox().stats);
	const retryOnFail = { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 };
	const invoices = (count: number) =>
		Array.from({ length: count }, (_, index) => ({ invoice: `Invoice ${index + 1}` }));
	const payNode = (extra: IDataObject = {}, parameters: IDataObject = {}) =>
		mementoNode(
			'Pay',
			payParameters({
				paymentSourceUuid: `={{ $json.source ?? "${CARD_UUID}" }}`,
				additionalFields: { description: '={{ $json.invoice }}' },
				// One item after the other, so "items 1-5 were paid before item 6 failed" holds exactly.
				batching: { parallelRequests: 1 },
				...parameters,
			}),
			extra,
		);

	describe.each([
		['answer dropped after Memento executed it', { kind: 'drop-after-execute' }],
		['500 after Memento executed it', { kind: 'status-after-execute', status: 500 }],
	] as const)('%s, Retry On Fail on', (_, fault) => {
		it('payment:create: exactly 1 payment, found by the lookup', async () => {
			sandbox().injectFault({ ...fault, method: 'POST', path: /^\/v1\/payments$/ });
			const result = await run({ items: invoices(1), nodes: [payNode(retryOnFail)] });
			expect(result.error).toBeUndefined();
			expect(result.json('Pay')[0]).toMatchObject({
				description: 'Invoice 1',
				amount: '12.50',
				reconciled: true,
			});
			expect(sandbox().stats.paymentsCreated).toBe(1);
			// Sent once (a request refused for an expired session, then sent with a new one, is not a send).
			expect(
				sandbox()
					.requestsTo('POST', '/v1/payments')
					.filter((request) => request.status !== 401),
			).toHaveLength(1);
		});

		it('pool:contribute: exactly 1 contribution', async () => {
			const pool = sandbox().state.pools[0].uuid as string;
			sandbox().injectFault({ ...fault, method: 'POST', path: /\/contributions$/ });
			const result = await run({
				items: [{}],
				nodes: [
					mementoNode(
						'Contribute',
						{
							resource: 'pool',
							operation: 'contribute',
							poolUuid: pool,
							amount: '10',
							paymentSourceUuid: CARD_UUID,
							additionalFields: { message: 'For Anna' },
						},
						retryOnFail,
					),
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.json('Contribute')[0]).toMatchObject({ amount: '10', reconciled: true });
			expect(sandbox().stats.contributions).toBe(1);
		});

		it('request:pay: paid once and the item succeeds (no "already paid" failure)', async () => {
			const request = sandbox().state.requests[0];
			sandbox().injectFault({ ...fault, method: 'POST', path: /\/pay$/ });
			const result = await run({
				items: [{}],
				nodes: [
					mementoNode(
						'Pay Request',
						{
							resource: 'request',
							operation: 'pay',
							requestUuid: request.uuid as string,
							paymentSourceUuid: CARD_UUID,
						},
						retryOnFail,
					),
				],
			});
			expect(result.error).toBeUndefined();
			const [paid] = result.json('Pay Request');
			expect(paid).toMatchObject({ uuid: request.uuid, reconciled: true });
			expect((paid.participants as IDataObject[])[0].status).toBe('paid');
			expect(sandbox().stats.requestPayments).toBe(1);
		});
	});

	it('a 429 means Memento did not act: sent again after waiting, 1 payment', async () => {
		sandbox().injectFault({
			kind: 'status',
			status: 429,
			retryAfterSeconds: 0,
			method: 'POST',
			path: /^\/v1\/payments$/,
			times: 2,
		});
		const result = await run({ items: invoices(1), nodes: [payNode()] });
		expect(result.error).toBeUndefined();
		expect(result.json('Pay')[0].reconciled).toBeUndefined();
		expect(
			sandbox()
				.requestsTo('POST', '/v1/payments')
				.filter((request) => request.status !== 401),
		).toHaveLength(3);
		expect(moves()).toBe(1);
	});

	it("item 6 of 10 refused by Memento after 1-5 were paid, input fixed, n8n's Retry (new execution): 10 payments", async () => {
		const journal = new TestJournal();
		const broken = invoices(10).map((item, index) =>
			index === 5 ? { ...item, source: UNVERIFIED_SOURCE_UUID } : item,
		);
		const failed = await run({ items: broken, nodes: [payNode()], journal });
		expect(failed.error?.message).toMatch(/not verified/);
		expect(moves()).toBe(5);

		const retried = await run({
			items: invoices(10),
			nodes: [payNode()],
			journal,
			executionId: randomUUID(),
		});
		expect(retried.error).toBeUndefined();
		const outputs = retried.json('Pay');
		expect(outputs.map((item) => item.description)).toEqual(
			invoices(10).map((item) => item.invoice),
		);
		expect(outputs.map((item) => item.reconciled ?? false)).toEqual([
			...Array(5).fill(true),
			...Array(5).fill(false),
		]);
		expect(moves()).toBe(10);
	});

	it('the same 10-item batch run as two executions (a re-delivered webhook): 10 payments', async () => {
		const first = await run({ items: invoices(10), nodes: [payNode()] });
		const second = await run({
			items: invoices(10),
			nodes: [payNode()],
			journal: first.journal,
			executionId: randomUUID(),
		});
		expect(second.error).toBeUndefined();
		expect(second.json('Pay').map((item) => item.uuid)).toEqual(
			first.json('Pay').map((item) => item.uuid),
		);
		expect(second.json('Pay').every((item) => item.reconciled === true)).toBe(true);
		expect(moves()).toBe(10);
	});

	it('the same batch delivered three times (three executions): still 10 payments', async () => {
		const journal = new TestJournal();
		for (let delivery = 0; delivery < 3; delivery++) {
			const result = await run({
				items: invoices(10),
				nodes: [payNode()],
				journal,
				executionId: randomUUID(),
			});
			expect(result.error).toBeUndefined();
		}
		expect(moves()).toBe(10);
	});

	it('paying the same instruction twice on purpose: give the second its own Idempotency Key', async () => {
		const first = await run({ items: invoices(1), nodes: [payNode()] });
		const again = await run({
			items: [{ ...invoices(1)[0], instalment: 'invoice-1-second-instalment' }],
			nodes: [payNode({}, { options: { idempotencyKey: '={{ $json.instalment }}' } })],
			journal: first.journal,
			executionId: randomUUID(),
		});
		expect(again.error).toBeUndefined();
		expect(again.json('Pay')[0].reconciled).toBeUndefined();
		expect(moves()).toBe(2);
	});

	it('two identical rows in one batch: the second fails as a duplicate, 1 payment', async () => {
		const result = await run({
			items: [{ invoice: 'Invoice 7' }, { invoice: 'Invoice 7' }],
			nodes: [payNode({ continueOnFail: true })],
		});
		const outputs = result.json('Pay');
		expect(outputs[0]).toMatchObject({ description: 'Invoice 7', status: 'completed' });
		expect(outputs[1].error).toMatch(/^Item 1 asks for the same money move as item 0/);
		expect(moves()).toBe(1);
	});

	describe('10 items sharing one Idempotency Key, Maximum Money Moves = 3 (the measured case)', () => {
		const sharedKey = (extra: IDataObject = {}) =>
			payNode(extra, {
				options: { idempotencyKey: 'rent-december' },
				safety: { maxMovesPerExecution: 3 },
			});

		it('refused before anything is sent: 0 payments', async () => {
			const result = await run({ items: invoices(10), nodes: [sharedKey()] });
			expect(result.error?.message).toMatch(
				/^Item 1 asks for the same money move as item 0 \(same key rent-december\)/,
			);
			expect(sandbox().requestsTo('POST', '/v1/payments')).toHaveLength(0);
			expect(moves()).toBe(0);
		});

		it('with Continue On Fail: 1 payment, the 9 others fail as duplicates', async () => {
			const result = await run({
				items: invoices(10),
				nodes: [sharedKey({ continueOnFail: true })],
			});
			const outputs = result.json('Pay');
			expect(outputs[0]).toMatchObject({ description: 'Invoice 1', status: 'completed' });
			expect(
				outputs.slice(1).every((item) => /same money move as item 0/.test(String(item.error))),
			).toBe(true);
			expect(moves()).toBe(1);
		});
	});
});

describe('Memento Payments with a provider that does deduplicate by Idempotency-Key', () => {
	const { sandbox, run } = useMementoSandbox();

	it('the key is still sent, and an answer dropped after executing is found, not resent', async () => {
		sandbox().injectFault({ kind: 'drop-after-execute', method: 'POST', path: /^\/v1\/payments$/ });
		const result = await run({ items: [{}], nodes: [mementoNode('Pay', payParameters())] });
		expect(result.error).toBeUndefined();
		expect(result.json('Pay')[0]).toMatchObject({ reconciled: true });
		const [call] = sandbox().requestsTo('POST', '/v1/payments');
		expect(call.headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(sandbox().stats.paymentsCreated).toBe(1);
		expect(sandbox().stats.replays).toBe(0);
	});
});
