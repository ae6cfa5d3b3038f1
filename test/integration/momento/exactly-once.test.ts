import { createHmac } from 'node:crypto';

import {
	depositParameters,
	momentoNode,
	useMomentoSandbox,
	withdrawalParameters,
} from './momento.fixture';

const DEPOSITS = '/deposit_orders/';
const WITHDRAWALS = '/withdrawal_orders/';

/**
 * The sandbox runs in its default mode: a repeated orderID creates another order, since the
 * document promises no deduplication. Every count below is what the node itself guarantees.
 */
describe('Momento: each order is created exactly once, even where Momento does not deduplicate', () => {
	const { sandbox, run } = useMomentoSandbox();
	const trail = () => sandbox().requests.map((r) => `${r.method} ${r.path} ${r.status}`);
	const deposit = (extra = {}, overrides = {}) =>
		momentoNode('Deposit', depositParameters(overrides), extra);

	/** Ten withdrawals with their own invoice numbers in the customer email. */
	const tenRows = (bankOfRow6: string) =>
		Array.from({ length: 10 }, (_, index) => ({
			invoice: `inv-${index + 1}`,
			bank: index === 5 ? bankOfRow6 : 'BRD',
		}));
	const withdraw = (extra = {}) =>
		momentoNode(
			'Withdraw',
			withdrawalParameters({
				email: '={{ $json.invoice }}@example.com',
				bankCode: '={{ $json.bank }}',
			}),
			extra,
		);

	it('the answer is lost after Momento stored the order: the node finds it by orderID instead of sending again', async () => {
		sandbox().injectFault({ kind: 'drop-after-processing', method: 'POST', path: DEPOSITS });
		const result = await run({ nodes: [deposit({ retryOnFail: true, waitBetweenTries: 100 })] });
		expect(result.error).toBeUndefined();
		const [order] = result.json('Deposit');
		expect(order).toMatchObject({ amount: '500.00', status: 'pending', reconciled: true });
		expect(sandbox().deposits()).toHaveLength(1);
		expect(trail()).toEqual([`POST ${DEPOSITS} 201`, `GET ${DEPOSITS} 200`]);
		expect(sandbox().requests[1].query.orderID).toBe(order.orderID);
	});

	it('the answer and the lookup are both lost: Retry On Fail runs the item again, which looks first and finds it', async () => {
		sandbox().injectFault({ kind: 'drop-after-processing', method: 'POST', path: DEPOSITS });
		// Every attempt of the first lookup fails (the transport tries a GET five times).
		sandbox().injectFault({ kind: 'status-500', method: 'GET', path: DEPOSITS, times: 5 });
		const result = await run({
			nodes: [deposit({ retryOnFail: true, maxTries: 2, waitBetweenTries: 100 })],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Deposit')[0]).toMatchObject({ status: 'pending', reconciled: true });
		expect(sandbox().deposits()).toHaveLength(1);
		expect(sandbox().requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('a 500 after Momento stored the order: found by the lookup, one order', async () => {
		sandbox().injectFault({ kind: 'status-500-after-processing', method: 'POST', path: DEPOSITS });
		const result = await run({ nodes: [deposit({ retryOnFail: true, waitBetweenTries: 100 })] });
		expect(result.error).toBeUndefined();
		expect(result.json('Deposit')[0]).toMatchObject({ replayed: true, reconciled: true });
		expect(sandbox().deposits()).toHaveLength(1);
		expect(trail()).toEqual([`POST ${DEPOSITS} 500`, `GET ${DEPOSITS} 200`]);
	});

	it('a 500 before Momento stored anything: the lookup proves absence, then the same body is sent again', async () => {
		sandbox().injectFault({ kind: 'status-500', method: 'POST', path: DEPOSITS });
		const result = await run({ nodes: [deposit()] });
		expect(result.json('Deposit')[0]).toMatchObject({ replayed: false, reconciled: false });
		expect(trail()).toEqual([
			`POST ${DEPOSITS} 500`,
			`GET ${DEPOSITS} 200`,
			`POST ${DEPOSITS} 201`,
		]);
		const posts = sandbox().requests.filter((r) => r.method === 'POST');
		expect(posts[0].body).toEqual(posts[1].body);
		expect(sandbox().deposits()).toHaveLength(1);
	});

	it('a 10-item batch fails at item 6 on a Momento refusal; fixed and run again as a new execution: exactly 10 withdrawals', async () => {
		const first = await run({ items: tenRows('NOPE'), nodes: [withdraw()] });
		expect(first.error?.message).toMatch(/VALIDATION_ERROR.*bank_code/);
		expect(first.error?.context?.itemIndex).toBe(5);
		// Rows 1-5 were paid; with items in flight (4 by default) rows 7-9 may have gone too.
		const paidBefore = sandbox().withdrawals().length;
		expect(paidBefore).toBeGreaterThanOrEqual(5);
		expect(paidBefore).toBeLessThanOrEqual(9);

		const retry = await run({
			items: tenRows('BPD'),
			nodes: [withdraw()],
			journal: first.journal,
			executionId: 'retry-of-failed-execution',
		});
		expect(retry.error).toBeUndefined();
		const outputs = retry.json('Withdraw');
		expect(outputs.slice(0, 5).every((order) => order.reconciled === true)).toBe(true);
		expect(outputs[5]).toMatchObject({ reconciled: false, request: { bank_code: 'BPD' } });
		expect(outputs.filter((order) => order.reconciled === true)).toHaveLength(paidBefore);
		const made = sandbox().withdrawals();
		expect(made).toHaveLength(10);
		expect(new Set(made.map((order) => order.request.email)).size).toBe(10);
		expect(new Set(made.map((order) => order.orderID)).size).toBe(10);
	});

	it('the same 10-item batch delivered twice (a re-delivered webhook) makes 10 withdrawals', async () => {
		const first = await run({ items: tenRows('BPD'), nodes: [withdraw()] });
		const again = await run({ items: tenRows('BPD'), nodes: [withdraw()], journal: first.journal });
		expect(again.error).toBeUndefined();
		expect(again.json('Withdraw').every((order) => order.reconciled === true)).toBe(true);
		expect(again.json('Withdraw').map((order) => order.orderID)).toEqual(
			first.json('Withdraw').map((order) => order.orderID),
		);
		expect(sandbox().withdrawals()).toHaveLength(10);
		const posts = sandbox().requests.filter((r) => r.method === 'POST' && r.path === WITHDRAWALS);
		expect(posts).toHaveLength(10);
	});

	it("the orderID is the order's content: a new callback URL in a later execution still finds the first order", async () => {
		const first = await run({
			nodes: [deposit({}, { options: { callbackUrl: 'https://n8n.example.com/webhook/a' } })],
		});
		const again = await run({
			nodes: [deposit({}, { options: { callbackUrl: 'https://n8n.example.com/webhook/b' } })],
			journal: first.journal,
		});
		expect(again.json('Deposit')[0]).toMatchObject({
			orderID: first.json('Deposit')[0].orderID,
			reconciled: true,
		});
		const other = await run({
			nodes: [deposit({}, { amount: '501.00' })],
			journal: first.journal,
		});
		expect(other.json('Deposit')[0].orderID).not.toBe(first.json('Deposit')[0].orderID);
		expect(
			sandbox()
				.deposits()
				.map((order) => order.amount),
		).toEqual(['500.00', '501.00']);
	});

	it('two identical rows in one batch: the second fails naming both items, one order', async () => {
		const result = await run({
			items: [{ n: 1 }, { n: 1 }],
			nodes: [deposit({ continueOnFail: true })],
		});
		const [made, refused] = result.json('Deposit');
		expect(made).toMatchObject({ status: 'pending', reconciled: false });
		expect(refused.error).toBe(
			`Item 1 asks for the same money move as item 0 (same key ${String(made.orderID)}), so it was not sent [item 1]`,
		);
		expect(refused.description).toMatch(/give each its own key or reference/);
		expect(sandbox().deposits()).toHaveLength(1);
	});

	it('an Order ID reused for a different amount is an error found by the lookup, not a second order', async () => {
		const first = await run({ nodes: [deposit({}, { options: { orderId: 'INV-7' } })] });
		const clash = await run({
			nodes: [deposit({}, { amount: '999.00', options: { orderId: 'INV-7' } })],
			journal: first.journal,
		});
		expect(clash.error?.message).toBe(
			'Momento already has a deposit order with orderID INV-7 for a different amount, currency or customer',
		);
		expect(clash.error?.description).toMatch(/Use a new Order ID/);
		expect(sandbox().deposits()).toEqual([expect.objectContaining({ amount: '500.00' })]);
	});

	it('a provider that ignores the orderID filter: the lookup reads every page and compares orderID itself', async () => {
		sandbox().setOrderIdFilter('ignored');
		const first = await run({ nodes: [deposit()] });
		const orderID = String(first.json('Deposit')[0].orderID);
		// 150 newer orders of other customers push the first one to the second page (100 per page).
		for (let index = 0; index < 150; index++) {
			// As the document sends it: the amount as a JSON number, with a callback_url.
			const raw = JSON.stringify({
				amount: 10,
				orderID: `other-${index}`,
				currency: 'DOP',
				callback_url: 'https://example.com/other-callback',
				request: { email: 'other@example.com', id_number: '00200000002' },
			});
			await fetch(`${sandbox().baseUrl}${DEPOSITS}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'm-signature': createHmac('sha512', sandbox().secretKey).update(raw).digest('hex'),
				},
				body: raw,
			});
		}
		sandbox().requests.length = 0;
		const again = await run({ nodes: [deposit()], journal: first.journal });
		expect(again.json('Deposit')[0]).toMatchObject({ orderID, reconciled: true });
		expect(sandbox().deposits()).toHaveLength(151);
		expect(sandbox().requests.map((r) => [r.method, r.query.page])).toEqual([
			['GET', '1'],
			['GET', '2'],
		]);
	});

	it('where Momento deduplicates (409), a new execution with a fresh journal reads the first order back', async () => {
		sandbox().setDeduplicateOrderIds(true);
		const first = await run({ nodes: [deposit()] });
		const again = await run({ nodes: [deposit()] });
		expect(again.json('Deposit')[0]).toMatchObject({
			orderID: first.json('Deposit')[0].orderID,
			replayed: true,
			reconciled: false,
		});
		expect(sandbox().stats).toMatchObject({ depositsCreated: 1, duplicateOrders: 1 });
	});

	it('where Momento does not deduplicate, a run whose journal was lost creates a second order (the limit of the journal)', async () => {
		await run({ nodes: [deposit()] });
		const again = await run({ nodes: [deposit()] });
		expect(again.json('Deposit')[0]).toMatchObject({ replayed: false, reconciled: false });
		expect(sandbox().deposits()).toHaveLength(2);
	});

	it('a user created twice (by cédula) returns the existing user', async () => {
		const parameters = {
			resource: 'user',
			operation: 'create',
			email: 'luis@example.com',
			idNumber: '00100000001',
			firstName: 'Luis',
			lastName: 'Gómez',
		};
		await run({ nodes: [momentoNode('User', parameters)] });
		const again = await run({ nodes: [momentoNode('User', parameters)] });
		expect(again.json('User')[0]).toMatchObject({ first_name: 'Luis', replayed: true });
		expect(sandbox().stats.usersCreated).toBe(1);
	});
});
