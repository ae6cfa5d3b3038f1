import { randomUUID } from 'node:crypto';

import { newCredentialsHelper } from '../../harness/run-workflow';
import { TEST_MSISDNS } from '../../sandboxes/mtn-momo';
import {
	momoCredential,
	momoNode,
	orders,
	requestToPayParameters,
	secretsOf,
	useMomoSandbox,
} from './momo.fixture';

const PAY = '/collection/v1_0/requesttopay';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('MTN MoMo: Validate Only and spending limits', () => {
	const { sandbox, run } = useMomoSandbox();
	const pay = (safety: Record<string, unknown>, extra = {}, parameters = {}) =>
		momoNode('Pay', requestToPayParameters({ safety, ...parameters }), extra);
	const payments = () => sandbox().requests.filter((request) => request.path === PAY);

	it('Validate Only on 20 items sends nothing, fetches no token and returns the exact requests, secrets masked', async () => {
		const credentialsHelper = newCredentialsHelper([momoCredential(sandbox())]);
		const result = await run({
			items: orders(20),
			nodes: [pay({ validateOnly: true })],
			credentialsHelper,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests).toHaveLength(0);
		expect(sandbox().stats.tokenRequests).toEqual({ collection: 0, disbursement: 0 });
		expect(credentialsHelper.calls.preAuthentication).toBe(0);
		expect(credentialsHelper.stored('momo-sandbox')?.data.sessionTokens).toBeUndefined();

		const outputs = result.json('Pay');
		expect(outputs).toHaveLength(20);
		const referenceId = outputs[0].referenceId as string;
		expect(referenceId).toMatch(UUID_V4);
		expect(outputs[0]).toEqual({
			validateOnly: true,
			method: 'POST',
			url: `${sandbox().baseUrl}${PAY}`,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
				'X-Reference-Id': referenceId,
				'X-Target-Environment': 'sandbox',
				'Ocp-Apim-Subscription-Key': '***',
				Authorization: '***',
			},
			body: {
				amount: '100.00',
				currency: 'EUR',
				externalId: 'order-1',
				payer: { partyIdType: 'MSISDN', partyId: '46733123459' },
			},
			referenceId,
			amounts: [{ currency: 'EUR', amount: '100.00' }],
		});
		expect(new Set(outputs.map((item) => item.referenceId)).size).toBe(20);
		const text = JSON.stringify(outputs);
		for (const secret of secretsOf(sandbox())) expect(text).not.toContain(secret);
	});

	it('the dry run is the request MoMo then receives (same reference, headers and body)', async () => {
		const referenceId = randomUUID();
		const parameters = { options: { referenceId } };
		const dry = await run({
			items: orders(1),
			nodes: [pay({ validateOnly: true }, {}, parameters)],
		});
		const shown = dry.json('Pay')[0] as { headers: Record<string, string>; body: unknown };
		const sent = await run({ items: orders(1), nodes: [pay({}, {}, parameters)] });
		expect(sent.error).toBeUndefined();
		const [received] = payments();
		expect(received.body).toEqual(shown.body);
		for (const [name, value] of Object.entries(shown.headers)) {
			const actual = received.headers[name.toLowerCase()];
			if (value === '***') expect(actual).toBeTruthy();
			else expect(actual).toBe(value);
		}
		expect(received.headers['ocp-apim-subscription-key']).toBe(
			sandbox().subscriptionKeys.collection,
		);
		expect(received.headers.authorization).toMatch(/^Bearer /);
	});

	it('Validate Only still runs every check, and a transfer is guarded too', async () => {
		const invalid = await run({
			items: [{ externalId: 'x', msisdn: '0772123456' }],
			nodes: [pay({ validateOnly: true })],
		});
		expect(invalid.error?.message).toBe(
			'Payer "0772123456" looks like a local number: MoMo needs the country code [item 0]',
		);
		const transfer = await run({
			items: orders(2),
			nodes: [
				momoNode(
					'Transfer',
					requestToPayParameters({
						resource: 'disbursement',
						operation: 'transfer',
						safety: { validateOnly: true },
					}),
				),
			],
		});
		expect(transfer.json('Transfer')[1]).toMatchObject({
			validateOnly: true,
			url: `${sandbox().baseUrl}/disbursement/v1_0/transfer`,
			body: { externalId: 'order-2', payee: { partyId: '46733123459' } },
		});
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a total limit reached at item 8 of 20: exactly 7 payments, item 8 names the limit', async () => {
		// 7 x 100.00 = 700.00; the 8th would make 800.00.
		const result = await run({
			items: orders(20),
			nodes: [pay({ maxTotalPerExecution: 'EUR 750' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Total per Execution for EUR is 750.00; EUR 700.00 already sent in this execution and this item moves 100.00 [item 7]',
		);
		expect(sandbox().stats.requestsToPay).toBe(7);
		expect(payments()).toHaveLength(7);
	});

	it('with Continue On Fail every item past the limit fails the same way and nothing more is paid', async () => {
		const result = await run({
			items: orders(20),
			nodes: [pay({ maxTotalPerExecution: 'EUR 750' }, { continueOnFail: true })],
		});
		const outputs = result.json('Pay');
		expect(outputs.slice(0, 7).every((item) => item.status === 'PENDING')).toBe(true);
		expect(outputs.slice(7).map((item) => item.error)).toEqual(
			Array.from(
				{ length: 13 },
				(_, index) =>
					`Spending limit reached: Maximum Total per Execution for EUR is 750.00; EUR 700.00 already sent in this execution and this item moves 100.00 [item ${index + 7}]`,
			),
		);
		expect(sandbox().stats.requestsToPay).toBe(7);
	});

	it('the per-item cap refuses before any request is sent, token included', async () => {
		const result = await run({
			items: [
				{ externalId: 'small', amount: '20' },
				{ externalId: 'big', amount: '60.50' },
			],
			nodes: [pay({ maxAmountPerItem: 'EUR 50' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Amount per Item is EUR 50.00; this item moves EUR 60.50 [item 1]',
		);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a payment MoMo refuses does not count toward the limits', async () => {
		// A definitive refusal (400): MoMo takes callbacks only on the API user's registered host.
		const result = await run({
			items: [
				{ externalId: 'a' },
				{ externalId: 'b', callbackUrl: 'https://elsewhere.example.com/momo' },
				{ externalId: 'c' },
				{ externalId: 'd' },
			],
			nodes: [
				pay(
					{ maxMovesPerExecution: 2 },
					{ continueOnFail: true },
					{ additionalFields: { callbackUrl: '={{ $json.callbackUrl ?? "" }}' } },
				),
			],
		});
		const outputs = result.json('Pay');
		expect(outputs[1].error).toMatch(/INVALID_CALLBACK_URL_HOST/);
		expect(outputs[2]).toMatchObject({ externalId: 'c', status: 'PENDING' });
		expect(outputs[3].error).toBe(
			'Spending limit reached: Maximum Money Moves per Execution is 2; 2 already sent in this execution [item 3]',
		);
		expect(sandbox().stats.requestsToPay).toBe(2);
	});

	it('a payment that ends FAILED (payer declined) moved no money and does not count', async () => {
		const result = await run({
			items: [
				{ externalId: 'declined', msisdn: TEST_MSISDNS.rejected },
				{ externalId: 'ok-1' },
				{ externalId: 'ok-2' },
			],
			nodes: [
				pay(
					{ maxMovesPerExecution: 2 },
					{},
					{ waitForFinalStatus: true, waitTimeout: 5, options: { pollInterval: 0.05 } },
				),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Pay').map((item) => item.status)).toEqual([
			'FAILED',
			'SUCCESSFUL',
			'SUCCESSFUL',
		]);
		expect(sandbox().stats.requestsToPay).toBe(3);
	});

	it('Loop Over Items one at a time is stopped where a batch would be (the count holds across runs)', async () => {
		const result = await run({
			items: orders(20),
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
		expect(sandbox().stats.requestsToPay).toBe(5);
		expect(payments()).toHaveLength(5);
	});

	it("a replay under n8n's Retry On Fail (same X-Reference-Id) counts once", async () => {
		sandbox().injectFault({
			kind: 'status-503',
			method: 'POST',
			path: PAY,
			times: 4,
			when: (request) => (request.body as { externalId?: string }).externalId === 'order-2',
		});
		const result = await run({
			items: orders(2),
			nodes: [
				pay({ maxMovesPerExecution: 2 }, { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 }),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Pay').map((item) => item.alreadyRequested)).toEqual([true, false]);
		expect(sandbox().stats.requestsToPay).toBe(2);
	});
});
