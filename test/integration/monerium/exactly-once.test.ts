import type { IDataObject } from 'n8n-workflow';

import { formatMessageTime } from '../../../nodes/Monerium/order-rules';
import { moneriumNode, placeParameters, SEED, useMoneriumSandbox } from './monerium.fixture';

/** Ten orders with their own memo; `signatureOfRow6` lets Monerium refuse row 6. */
/** Ten orders; row 6 pays from `addressOfRow6` (one the profile never linked is refused by Monerium). */
function rows(addressOfRow6: string): IDataObject[] {
	return Array.from({ length: 10 }, (_, index) => ({
		n: index + 1,
		address: index === 5 ? addressOfRow6 : SEED.address,
	}));
}

const UNLINKED_ADDRESS = `0x${'1'.repeat(40)}`;

/**
 * The sandbox runs in its default mode: a repeated order id places another order, since the
 * document promises no deduplication. Every count below is what the node itself guarantees.
 */
describe('Monerium: each order is placed exactly once, even where Monerium does not deduplicate', () => {
	const { sandbox, run } = useMoneriumSandbox();
	const place = (extra = {}, overrides: IDataObject = {}) =>
		moneriumNode('Place', placeParameters(overrides), extra);
	const batch = (extra = {}) =>
		place(extra, {
			memo: '=Invoice {{ $json.n }} of 2024',
			address: { __rl: true, mode: 'id', value: '={{ $json.address }}' },
		});
	const orderTrail = () =>
		sandbox()
			.requests.filter((r) => r.path.startsWith('/orders'))
			.map((r) => `${r.method} ${r.path}`);
	/** The order id the node derives, as Validate Only shows it (nothing is sent). */
	const derivedId = async () => {
		const dry = await run({ nodes: [place({}, { safety: { validateOnly: true } })] });
		return String(dry.json('Place')[0].orderId);
	};

	it('the answer is lost after Monerium placed the order: found by GET /orders/{id}, not placed again', async () => {
		sandbox().injectFault({ method: 'POST', path: '/orders', when: 'after', drop: true });
		const result = await run({ nodes: [place({ retryOnFail: true, waitBetweenTries: 100 })] });
		expect(result.error).toBeUndefined();
		const [order] = result.json('Place');
		expect(order).toMatchObject({ state: 'placed', replayed: true, reconciled: true });
		expect(sandbox().orders()).toHaveLength(1);
		expect(orderTrail()).toEqual(['POST /orders', `GET /orders/${String(order.id)}`]);
	});

	it('the answer and the lookup are both lost: Retry On Fail runs the item again, which looks first and finds it', async () => {
		const id = await derivedId();
		sandbox().injectFault({ method: 'POST', path: '/orders', when: 'after', drop: true });
		// Every attempt of the first lookup fails (the transport tries a GET four times).
		sandbox().injectFault({ method: 'GET', path: `/orders/${id}`, status: 503, times: 4 });
		const result = await run({
			nodes: [place({ retryOnFail: true, maxTries: 2, waitBetweenTries: 100 })],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Place')[0]).toMatchObject({ id, reconciled: true });
		expect(sandbox().orders()).toHaveLength(1);
		expect(orderTrail().filter((entry) => entry === 'POST /orders')).toHaveLength(1);
	});

	it('a 500 after Monerium placed the order: found by the lookup, one order', async () => {
		sandbox().injectFault({ method: 'POST', path: '/orders', when: 'after', status: 500 });
		const result = await run({ nodes: [place({ retryOnFail: true, waitBetweenTries: 100 })] });
		expect(result.error).toBeUndefined();
		expect(result.json('Place')[0]).toMatchObject({ state: 'placed', reconciled: true });
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('a 429 means nothing was placed: the order is sent again after Retry-After, once', async () => {
		sandbox().injectFault({ method: 'POST', path: '/orders', status: 429, retryAfter: '0' });
		const result = await run({ nodes: [place()] });
		expect(result.error).toBeUndefined();
		expect(result.json('Place')[0]).toMatchObject({ replayed: false, reconciled: false });
		expect(orderTrail()).toEqual(['POST /orders', 'POST /orders']);
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('a 10-order batch fails at row 6 on a Monerium refusal; fixed and run again as a new execution: exactly 10 orders', async () => {
		const first = await run({ items: rows(UNLINKED_ADDRESS), nodes: [batch()] });
		expect(first.error?.message).toMatch(/422.*address/);
		// Rows 1-5 were placed; rows after 6 already in flight (Parallel Requests) may have been too.
		const placedBefore = sandbox().orders().length;
		expect(placedBefore).toBeGreaterThanOrEqual(5);

		const retry = await run({
			items: rows(SEED.address),
			nodes: [batch()],
			journal: first.journal,
			executionId: 'retry-of-failed-execution',
		});
		expect(retry.error).toBeUndefined();
		const outputs = retry.json('Place');
		expect(outputs.slice(0, 5).every((order) => order.reconciled === true)).toBe(true);
		expect(outputs[5]).toMatchObject({ memo: 'Invoice 6 of 2024', reconciled: false });
		expect(outputs.filter((order) => order.reconciled === true)).toHaveLength(placedBefore);
		const placed = sandbox().orders();
		expect(placed).toHaveLength(10);
		expect(new Set(placed.map((order) => order.memo)).size).toBe(10);
	});

	it('the same 10-order batch delivered twice (a re-delivered webhook) places 10 orders', async () => {
		const first = await run({ items: rows(SEED.address), nodes: [batch()] });
		const again = await run({
			items: rows(SEED.address),
			nodes: [batch()],
			journal: first.journal,
		});
		expect(again.error).toBeUndefined();
		expect(again.json('Place').every((order) => order.reconciled === true)).toBe(true);
		expect(sandbox().orders()).toHaveLength(10);
		expect(orderTrail().filter((entry) => entry === 'POST /orders')).toHaveLength(10);
	});

	it('a re-delivered webhook signs the order anew: the same order (new message, new signature) is found, not placed twice', async () => {
		const first = await run({ nodes: [place()] });
		const later = new Date(Date.now() + 60_000);
		const again = await run({
			nodes: [
				place(
					{},
					{
						message: `Send EUR 100.50 to ${SEED.counterpartIban} at ${formatMessageTime(later)}`,
						signature: '0xfeedface',
					},
				),
			],
			journal: first.journal,
		});
		expect(again.json('Place')[0]).toMatchObject({
			id: first.json('Place')[0].id,
			reconciled: true,
		});
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('two identical rows in one batch: the second fails naming both items, one order', async () => {
		const result = await run({
			items: [{ n: 1 }, { n: 1 }],
			nodes: [place({ continueOnFail: true })],
		});
		const [made, refused] = result.json('Place');
		expect(made).toMatchObject({ state: 'placed', reconciled: false });
		expect(refused.error).toBe(
			`Item 1 asks for the same money move as item 0 (same key ${String(made.id)}), so it was not sent [item 1]`,
		);
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('an Order ID reused for a different order is an error found by the lookup, not a second order', async () => {
		const orderId = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
		const first = await run({ nodes: [place({}, { additionalFields: { orderId } })] });
		const clash = await run({
			nodes: [
				place(
					{},
					{
						amount: '7',
						message: `Send EUR 7 to ${SEED.counterpartIban} at ${formatMessageTime(new Date())}`,
						additionalFields: { orderId },
					},
				),
			],
			journal: first.journal,
		});
		expect(clash.error?.message).toBe(
			`Order ID ${orderId} was already used for a different order [item 0]`,
		);
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('where Monerium deduplicates (409), a new execution with a fresh journal reads the first order back', async () => {
		sandbox().setDeduplicateOrderIds(true);
		const first = await run({ nodes: [place()] });
		const again = await run({ nodes: [place()] });
		expect(again.json('Place')[0]).toMatchObject({
			id: first.json('Place')[0].id,
			replayed: true,
			reconciled: false,
		});
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('where Monerium does not deduplicate, a run whose journal was lost places a second order (the limit of the journal)', async () => {
		await run({ nodes: [place()] });
		const again = await run({ nodes: [place()] });
		expect(again.json('Place')[0]).toMatchObject({ replayed: false, reconciled: false });
		expect(sandbox().orders()).toHaveLength(2);
	});
});
