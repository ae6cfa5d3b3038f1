import { createHmac } from 'node:crypto';
import { maskCallbackTokens } from '../../../nodes/shared/webhooks/callback-token';

import {
	depositParameters,
	momentoNode,
	useMomentoSandbox,
	withdrawalParameters,
} from './momento.fixture';

const DEPOSITS = '/deposit_orders/';

const twentyItems = Array.from({ length: 20 }, (_, index) => ({ reference: `guard-${index + 1}` }));
/** Twenty distinct orders (identical rows would be one payment instruction, one orderID). */
const byReference = { options: { orderId: '={{ $json.reference }}' } };

describe('Momento: Validate Only and spending limits', () => {
	const { sandbox, run } = useMomentoSandbox();
	const deposit = (safety: Record<string, unknown>, extra = {}, parameters = {}) =>
		momentoNode(
			'Deposit',
			depositParameters({ amount: '={{ $json.amount ?? "500.00" }}', safety, ...parameters }),
			extra,
		);
	const signatureOf = (bytes: string) =>
		createHmac('sha512', sandbox().secretKey).update(bytes).digest('hex');

	it('Validate Only on 20 items sends nothing and shows the exact bytes that would be signed, M-Signature masked', async () => {
		const result = await run({ items: twentyItems, nodes: [deposit({ validateOnly: true })] });
		expect(result.error).toBeUndefined();
		expect(sandbox().requests).toHaveLength(0);
		const outputs = result.json('Deposit');
		expect(outputs).toHaveLength(20);
		const orderID = outputs[0].orderID as string;
		expect(orderID).toMatch(/^n8n-/);
		const body = {
			amount: '500.00',
			orderID,
			currency: 'DOP',
			// As sent, with the order's callback token, which is shown masked.
			callback_url: 'https://example.com/momento-callback?token=***',
			request: { email: 'cliente@example.com', id_number: '00100000001' },
		};
		expect(outputs[0]).toEqual({
			validateOnly: true,
			method: 'POST',
			url: `${sandbox().baseUrl}${DEPOSITS}`,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
				'M-Signature': '***',
			},
			body,
			signedBody: JSON.stringify(body).replace('"amount":"500.00"', '"amount":500.00'),
			orderID,
			amounts: [{ currency: 'DOP', amount: '500.00' }],
		});
		// Twenty identical rows are one payment instruction: one derived orderID (Validate Only
		// shows each; sending them would refuse rows 2 to 20 as duplicates of row 1).
		expect(new Set(outputs.map((item) => item.orderID)).size).toBe(1);
		const text = JSON.stringify(outputs);
		expect(text).not.toContain(sandbox().secretKey);
		for (const item of outputs) expect(text).not.toContain(signatureOf(item.signedBody as string));
	});

	it('signedBody is byte for byte what Momento then receives and verifies', async () => {
		const parameters = {
			callbackUrl: 'https://n8n.example.com/webhook/momento',
			options: { orderId: 'INV-guard-1' },
		};
		const dry = await run({ nodes: [deposit({ validateOnly: true }, {}, parameters)] });
		const shown = dry.json('Deposit')[0] as { signedBody: string; headers: Record<string, string> };
		const sent = await run({ nodes: [deposit({}, {}, parameters)] });
		expect(sent.error).toBeUndefined();
		const [received] = sandbox().requests;
		// The same bytes, except that Validate Only masks the callback URL's token.
		const bytes = received.rawBody.toString('utf8');
		expect(bytes).toMatch(/token=[A-Za-z0-9_-]{43}"/);
		expect(maskCallbackTokens(bytes)).toBe(shown.signedBody);
		expect(shown.signedBody).toContain('token=***');
		expect(received.signatureValid).toBe(true);
		expect(received.headers['m-signature']).toBe(signatureOf(bytes));
		expect(received.headers['content-type']).toBe(shown.headers['Content-Type']);
		expect(received.headers.accept).toBe(shown.headers.Accept);
	});

	it('Validate Only still runs every check, and a withdrawal is guarded too', async () => {
		const invalid = await run({
			nodes: [deposit({ validateOnly: true }, {}, { idNumber: '123' })],
		});
		expect(invalid.error?.message).toBe(
			'Customer ID Number (Cédula) must be an 11-digit Dominican cédula number (got "123") [item 0]',
		);
		const withdrawal = await run({
			nodes: [momentoNode('Withdraw', withdrawalParameters({ safety: { validateOnly: true } }))],
		});
		expect(withdrawal.json('Withdraw')[0]).toMatchObject({
			validateOnly: true,
			url: `${sandbox().baseUrl}/withdrawal_orders/`,
			body: { amount: '1250.50', request: { bank_code: 'BRD', account_number: '9601234567' } },
			headers: { 'M-Signature': '***' },
		});
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a total limit reached at item 8 of 20: exactly 7 deposits, item 8 names the limit', async () => {
		// 7 x 500.00 = 3500.00; the 8th would make 4000.00.
		const result = await run({
			items: twentyItems,
			nodes: [deposit({ maxTotalPerExecution: 'DOP 3750' }, {}, byReference)],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Total per Execution for DOP is 3750.00; DOP 3500.00 already sent in this execution and this item moves 500.00 [item 7]',
		);
		expect(sandbox().stats.depositsCreated).toBe(7);
		expect(sandbox().requests).toHaveLength(7);
	});

	it('with Continue On Fail every item past the limit fails the same way and nothing more is paid', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [deposit({ maxTotalPerExecution: 'DOP 3750' }, { continueOnFail: true }, byReference)],
		});
		const outputs = result.json('Deposit');
		expect(outputs.slice(0, 7).every((item) => item.status === 'pending')).toBe(true);
		expect(outputs.slice(7).map((item) => item.error)).toEqual(
			Array.from(
				{ length: 13 },
				(_, index) =>
					`Spending limit reached: Maximum Total per Execution for DOP is 3750.00; DOP 3500.00 already sent in this execution and this item moves 500.00 [item ${index + 7}]`,
			),
		);
		expect(sandbox().stats.depositsCreated).toBe(7);
	});

	it('the per-item cap refuses before any request is sent', async () => {
		const result = await run({
			items: [{ amount: '100.00' }, { amount: '2500.01' }],
			nodes: [deposit({ maxAmountPerItem: 'DOP 2500, USD 50' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Amount per Item is DOP 2500.00; this item moves DOP 2500.01 [item 1]',
		);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('an order Momento refuses does not count toward the limits', async () => {
		const result = await run({
			items: [{ bank: 'BRD' }, { bank: 'NOPE' }, { bank: 'BPD' }, { bank: 'BHD' }],
			nodes: [
				momentoNode(
					'Withdraw',
					withdrawalParameters({
						bankCode: '={{ $json.bank }}',
						safety: { maxMovesPerExecution: 2 },
					}),
					{ continueOnFail: true },
				),
			],
		});
		const outputs = result.json('Withdraw');
		expect(outputs[1].error).toMatch(/VALIDATION_ERROR.*bank_code/);
		expect(outputs[2]).toMatchObject({ status: 'pending', replayed: false });
		expect(outputs[3].error).toBe(
			'Spending limit reached: Maximum Money Moves per Execution is 2; 2 already sent in this execution [item 3]',
		);
		expect(sandbox().stats.withdrawalsCreated).toBe(2);
	});

	it('a second row with the same orderID is refused as a duplicate and counts nothing', async () => {
		const result = await run({
			items: [{ id: 'INV-1' }, { id: 'INV-1' }, { id: 'INV-2' }],
			nodes: [
				deposit(
					{ maxMovesPerExecution: 1 },
					{ continueOnFail: true },
					{ options: { orderId: '={{ $json.id }}' } },
				),
			],
		});
		const outputs = result.json('Deposit');
		expect(outputs[0]).toMatchObject({ orderID: 'INV-1', replayed: false });
		expect(outputs[1].error).toBe(
			'Item 1 asks for the same money move as item 0 (same key INV-1), so it was not sent [item 1]',
		);
		expect(outputs[2].error).toBe(
			'Spending limit reached: Maximum Money Moves per Execution is 1; 1 already sent in this execution [item 2]',
		);
		expect(sandbox().stats).toMatchObject({ depositsCreated: 1, duplicateOrders: 0 });
		expect(sandbox().requests).toHaveLength(1);
	});

	it('Loop Over Items one at a time is stopped where a batch would be (the count holds across runs)', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [
				{ name: 'Loop', type: 'test.loopOverItems', parameters: { batchSize: 1 } },
				deposit({ maxMovesPerExecution: 5 }, {}, byReference),
			],
			links: [
				['Items', 0, 'Loop'],
				['Loop', 1, 'Deposit'],
				['Deposit', 0, 'Loop'],
			],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Money Moves per Execution is 5; 5 already sent in this execution [item 0]',
		);
		expect(result.nodeRuns('Deposit')).toBe(6);
		expect(sandbox().stats.depositsCreated).toBe(5);
		expect(sandbox().requests).toHaveLength(5);
	});
});
