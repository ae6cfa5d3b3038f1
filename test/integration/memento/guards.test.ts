import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_SECRETS } from '../../sandboxes/memento';
import {
	CARD_UUID,
	UNVERIFIED_SOURCE_UUID,
	mementoNode,
	payParameters,
	useMementoSandbox,
} from './memento.fixture';

const twentyItems = Array.from({ length: 20 }, (_, index) => ({ n: index + 1 }));
const RECIPIENT = 'd6edcdba-f3f1-4249-96bc-bb977fde27fb';

describe('Memento Payments: Validate Only and spending limits', () => {
	const { sandbox, run } = useMementoSandbox();
	const pay = (safety: IDataObject, extra = {}, overrides: IDataObject = {}) =>
		mementoNode(
			'Pay',
			payParameters({
				additionalFields: { description: '=Row {{ $json.n }}' },
				safety,
				...overrides,
			}),
			extra,
		);
	/** The first received request (seeded): my share is GBP 25.00. */
	const receivedRequest = () =>
		sandbox().state.requests.find((request) => request.description === 'Concert tickets')!;
	const payRequest = (safety: IDataObject) =>
		mementoNode('Pay Request', {
			resource: 'request',
			operation: 'pay',
			requestUuid: receivedRequest().uuid as string,
			paymentSourceUuid: CARD_UUID,
			safety,
		});

	it('Validate Only on 20 payments sends nothing, opens no session and returns the exact requests, secrets masked', async () => {
		const result = await run({ items: twentyItems, nodes: [pay({ validateOnly: true })] });
		expect(result.error).toBeUndefined();
		// Not one request, the session endpoint (POST /v1/sessions) included.
		expect(sandbox().requests).toHaveLength(0);
		expect(sandbox().stats.sessionsCreated).toBe(0);
		expect(result.credentialsHelper.calls.preAuthentication).toBe(0);
		const outputs = result.json('Pay');
		expect(outputs).toHaveLength(20);
		expect(outputs[0]).toEqual({
			validateOnly: true,
			method: 'POST',
			url: `${sandbox().baseUrl}/v1/payments`,
			headers: {
				'X-Project-Id': '***',
				'Idempotency-Key': outputs[0].idempotencyKey,
				'Content-Type': 'application/json',
				Authorization: '***',
			},
			body: {
				user_uuid: RECIPIENT,
				amount: '12.50',
				currency: 'GBP',
				payment_source_uuid: CARD_UUID,
				pin: '***',
				description: 'Row 1',
			},
			idempotencyKey: expect.stringMatching(/^n8n-/),
			amounts: [{ currency: 'GBP', amount: '12.50' }],
		});
		expect(new Set(outputs.map((output) => output.idempotencyKey)).size).toBe(20);
		const text = JSON.stringify(outputs);
		expect(text).not.toContain(sandbox().authenticationToken);
		expect(text).not.toContain(`"${SANDBOX_SECRETS.pin}"`);
		expect(text).not.toContain(sandbox().projectId);
	});

	it('Validate Only still runs every check, the credential included', async () => {
		const badPin = await run({
			items: [{ n: 1 }],
			nodes: [pay({ validateOnly: true })],
			credentialOverrides: { pin: '12' },
		});
		expect(badPin.error?.message).toBe(
			'The PIN in the Memento Payments credential must be 4 to 8 digits [item 0]',
		);
		const noToken = await run({
			items: [{ n: 1 }],
			nodes: [pay({ validateOnly: true })],
			credentialOverrides: { authenticationToken: '' },
		});
		expect(noToken.error?.message).toBe(
			'The Memento Payments credential has no Authentication Token',
		);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('Validate Only on request:pay and pool:contribute: no lookup, no session, nothing paid', async () => {
		const result = await run({
			items: [{ n: 1 }],
			nodes: [
				payRequest({ validateOnly: true, maxAmountPerItem: 'GBP 10' }),
				mementoNode('Contribute', {
					resource: 'pool',
					operation: 'contribute',
					poolUuid: sandbox().state.pools[0].uuid as string,
					amount: '5',
					paymentSourceUuid: CARD_UUID,
							safety: { validateOnly: true },
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests).toHaveLength(0);
		expect(result.credentialsHelper.calls.preAuthentication).toBe(0);
		expect(result.json('Pay Request')[0]).toMatchObject({
			validateOnly: true,
			url: `${sandbox().baseUrl}/v1/requests/${receivedRequest().uuid as string}/pay`,
			body: { payment_source_uuid: CARD_UUID, pin: '***' },
			// Only a read would tell what the request asks of me; Validate Only reads nothing.
			amounts: null,
		});
		expect(result.json('Contribute')[0]).toMatchObject({
			url: `${sandbox().baseUrl}/v1/pools/${sandbox().state.pools[0].uuid as string}/contributions`,
			body: { amount: '5', payment_source_uuid: CARD_UUID, pin: '***' },
			amounts: null,
		});
	});

	it('a total limit reached at item 8 of 20: exactly 7 payments, item 8 names the limit', async () => {
		// 7 x 12.50 = 87.50; the 8th would make 100.00.
		const result = await run({
			items: twentyItems,
			nodes: [pay({ maxTotalPerExecution: 'GBP 90.00' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Total per Execution for GBP is 90.00; GBP 87.50 already sent in this execution and this item moves 12.50 [item 7]',
		);
		expect(sandbox().stats.paymentsCreated).toBe(7);
		expect(sandbox().requestsTo('POST', '/v1/payments')).toHaveLength(7);
		expect(sandbox().requests.map((request) => request.path)).toEqual([
			'/v1/sessions',
			...Array(7).fill('/v1/payments'),
		]);
	});

	it('with Continue On Fail every item past the limit fails the same way and nothing more is paid', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [pay({ maxTotalPerExecution: 'GBP 90.00' }, { continueOnFail: true })],
		});
		const outputs = result.json('Pay');
		expect(outputs).toHaveLength(20);
		expect(outputs.slice(0, 7).every((item) => item.status === 'completed')).toBe(true);
		for (const [index, item] of outputs.slice(7).entries()) {
			expect(item.error).toBe(
				`Spending limit reached: Maximum Total per Execution for GBP is 90.00; GBP 87.50 already sent in this execution and this item moves 12.50 [item ${index + 7}]`,
			);
		}
		expect(sandbox().stats.paymentsCreated).toBe(7);
	});

	it('the per-item cap refuses before any request, the session included', async () => {
		const result = await run({ items: twentyItems, nodes: [pay({ maxAmountPerItem: '10' })] });
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Amount per Item is GBP 10; this item moves GBP 12.50 [item 0]',
		);
		expect(sandbox().requests).toHaveLength(0);
		expect(result.credentialsHelper.calls.preAuthentication).toBe(0);
	});

	it('a payment Memento rejects does not count toward the limits', async () => {
		const source = `={{ $json.n === 2 ? '${UNVERIFIED_SOURCE_UUID}' : '${CARD_UUID}' }}`;
		const result = await run({
			items: [{ n: 1 }, { n: 2 }, { n: 3 }],
			nodes: [
				pay({ maxMovesPerExecution: 2 }, { continueOnFail: true }, { paymentSourceUuid: source }),
			],
		});
		const outputs = result.json('Pay');
		expect(outputs[1].error).toMatch(/not verified/);
		expect(outputs[2]).toMatchObject({ description: 'Row 3', status: 'completed' });
		expect(sandbox().stats.paymentsCreated).toBe(2);
	});

	it('Loop Over Items one at a time is stopped where a batch would be (the count holds across runs)', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [
				{ name: 'Loop', type: 'test.loopOverItems', parameters: { batchSize: 1 } },
				pay({ maxMovesPerExecution: 5 }),
			],
			links: [
				['Items', 0, 'Loop'],
				['Loop', 1, 'Pay'],
				['Pay', 0, 'Loop'],
			],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Money Moves per Execution is 5; 5 already sent in this execution [item 0]',
		);
		expect(result.nodeRuns('Pay')).toBe(6);
		expect(sandbox().stats.paymentsCreated).toBe(5);
	});

	it("a replay under n8n's Retry On Fail counts once", async () => {
		sandbox().injectFault({
			kind: 'status',
			status: 503,
			method: 'POST',
			path: /^\/v1\/payments$/,
			times: 4,
			when: (request) => (request.body as { description?: string }).description === 'Row 2',
		});
		const result = await run({
			items: twentyItems.slice(0, 2),
			nodes: [
				pay({ maxMovesPerExecution: 2 }, { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 }),
			],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().stats.paymentsCreated).toBe(2);
		// The second try finds row 1 (paid by the first) by lookup instead of paying or counting it again.
		expect(result.json('Pay').map((item) => item.reconciled ?? false)).toEqual([true, false]);
	});

	it("without a currency the payment source's currency is read (once per run) to check the limits", async () => {
		const result = await run({
			items: twentyItems.slice(0, 3),
			nodes: [pay({ maxTotalPerExecution: 'GBP 30' }, {}, { currency: '' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Total per Execution for GBP is 30.00; GBP 25.00 already sent in this execution and this item moves 12.50 [item 2]',
		);
		expect(sandbox().requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /v1/sessions',
			`GET /v1/payment-sources/${CARD_UUID}`,
			'POST /v1/payments',
			'POST /v1/payments',
		]);
	});

	it('request:pay reads the request to learn my share before paying, and refuses above the cap', async () => {
		const refused = await run({ nodes: [payRequest({ maxAmountPerItem: 'GBP 20' })] });
		expect(refused.error?.message).toBe(
			'Spending limit reached: Maximum Amount per Item is GBP 20.00; this item moves GBP 25.00 [item 0]',
		);
		// One session, then the two reads; the payment itself is never sent.
		expect(sandbox().requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /v1/sessions',
			`GET /v1/requests/${receivedRequest().uuid as string}`,
			'GET /v1/users/current',
		]);
		expect(sandbox().stats.requestPayments).toBe(0);

		const paid = await run({ nodes: [payRequest({ maxTotalPerExecution: 'GBP 25.00' })] });
		expect(paid.error).toBeUndefined();
		expect(sandbox().stats.requestPayments).toBe(1);
	});

	it('request:pay is refused, not guessed, when the request has no share for me', async () => {
		const request = receivedRequest();
		(request.participants as IDataObject[])[0].user_uuid = RECIPIENT;
		const result = await run({ nodes: [payRequest({ maxAmountPerItem: 'GBP 100' })] });
		expect(result.error?.message).toBe(
			'Memento did not tell the amount and currency of this item, so the amount limits cannot be checked [item 0]',
		);
		expect(sandbox().requests.some((entry) => entry.path.endsWith('/pay'))).toBe(false);
	});

	it('pool:contribute counts toward the total like any payment', async () => {
		const result = await run({
			items: [{ n: 1 }, { n: 2 }, { n: 3 }],
			nodes: [
				mementoNode('Contribute', {
					resource: 'pool',
					operation: 'contribute',
					poolUuid: sandbox().state.pools[0].uuid as string,
					amount: '10',
					currency: 'GBP',
					paymentSourceUuid: CARD_UUID,
					// Three different contributions (identical rows would be one contribution).
					additionalFields: { message: '=Row {{ $json.n }}' },
					safety: { maxTotalPerExecution: 'GBP 25' },
				}),
			],
		});
		expect(result.error?.message).toMatch(
			/^Spending limit reached: Maximum Total per Execution for GBP is 25.00; GBP 20.00 already sent/,
		);
		expect(sandbox().stats.contributions).toBe(2);
	});
});
