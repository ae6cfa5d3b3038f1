import { randomUUID } from 'node:crypto';

import { TestJournal } from '../../harness/journal';
import {
	BILL,
	conductorNode,
	createTransactionParameters,
	useConductorSandbox,
} from './conductor.fixture';

const tenInvoices = Array.from({ length: 10 }, (_, index) => ({
	reference: `inv-${index + 1}`,
	bill: BILL.id,
}));

/**
 * What n8n's Retry of a failed execution, a re-delivered webhook and a re-run do: a new execution
 * (new execution id) feeds the same items again. Default keys come from the external reference,
 * never from the execution, so what was paid is replayed and only the rest is paid.
 */
describe('Moment Conductor: the same instruction in another execution is not paid again', () => {
	const { sandbox, run } = useConductorSandbox();
	const createNode = (extra = {}, parallelRequests = 1) =>
		conductorNode(
			'Create',
			createTransactionParameters({
				batching: { parallelRequests },
				billItems: {
					bill: [
						{ id: '={{ $json.bill }}', amount: BILL.amount.value, currency: BILL.amount.currency },
					],
				},
			}),
			extra,
		);

	it("n8n's Retry after item 6 of 10 failed: 10 transactions in all, items 1-5 replayed", async () => {
		const journal = new TestJournal();
		const broken = tenInvoices.map((item, index) =>
			index === 5 ? { ...item, bill: 'bill_unknown' } : item,
		);
		const failed = await run({ items: broken, nodes: [createNode()], journal });
		expect(failed.error?.message).toMatch(/INVALID_ITEMS/);
		expect(sandbox().stats.transactionsCreated).toBe(5);

		const retried = await run({
			items: tenInvoices,
			nodes: [createNode()],
			journal,
			executionId: randomUUID(),
		});
		expect(retried.error).toBeUndefined();
		const outputs = retried.json('Create');
		expect(outputs.map((item) => item.external_reference)).toEqual(
			tenInvoices.map((item) => item.reference),
		);
		expect(outputs.map((item) => (item.idempotency as { replayed: boolean }).replayed)).toEqual([
			true,
			true,
			true,
			true,
			true,
			false,
			false,
			false,
			false,
			false,
		]);
		expect(sandbox().stats.transactionsCreated).toBe(10);
	});

	it('with 5 items in flight, items after the failed one may be paid too; the Retry still makes 10', async () => {
		const journal = new TestJournal();
		const items = tenInvoices.map((item) => ({ ...item, reference: `par-${item.reference}` }));
		const broken = items.map((item, index) =>
			index === 5 ? { ...item, bill: 'bill_unknown' } : item,
		);
		const failed = await run({ items: broken, nodes: [createNode({}, 5)], journal });
		expect(failed.error?.message).toMatch(/INVALID_ITEMS \[item 5\]|INVALID_ITEMS/);
		const paidBefore = sandbox().stats.transactionsCreated;
		expect(paidBefore).toBeGreaterThanOrEqual(5);
		expect(paidBefore).toBeLessThan(10);

		const retried = await run({
			items,
			nodes: [createNode({}, 5)],
			journal,
			executionId: randomUUID(),
		});
		expect(retried.error).toBeUndefined();
		const replayed = retried
			.json('Create')
			.filter((item) => (item.idempotency as { replayed: boolean }).replayed);
		expect(replayed).toHaveLength(paidBefore);
		expect(sandbox().stats.transactionsCreated).toBe(10);
	});

	it('the same batch delivered twice (two executions) pays each invoice once', async () => {
		const items = tenInvoices.map((item) => ({ ...item, reference: `again-${item.reference}` }));
		const first = await run({ items, nodes: [createNode()] });
		const second = await run({ items, nodes: [createNode()], executionId: randomUUID() });
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(second.json('Create').map((item) => item.id)).toEqual(
			first.json('Create').map((item) => item.id),
		);
		expect(sandbox().stats.transactionsCreated).toBe(10);
	});

	it('two identical rows in one batch are one payment: the second fails before anything is sent', async () => {
		const result = await run({
			items: [
				{ reference: 'row-a', bill: BILL.id },
				{ reference: 'row-b', bill: BILL.id },
				{ reference: 'row-a', bill: BILL.id },
			],
			nodes: [createNode()],
		});
		expect(result.error?.message).toContain('Item 2 asks for the same money move as item 0');
		expect(result.error?.description).toMatch(/give each its own key or reference/);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a key of your own still decides: a new key pays the same bill again on purpose', async () => {
		const keyed = (key: string) =>
			conductorNode('Create', createTransactionParameters({ options: { idempotencyKey: key } }));
		await run({ items: [{ reference: 'rent-2026-11' }], nodes: [keyed('rent-2026-11')] });
		await run({ items: [{ reference: 'rent-2026-12' }], nodes: [keyed('rent-2026-12')] });
		expect(sandbox().stats.transactionsCreated).toBe(2);
	});
});
