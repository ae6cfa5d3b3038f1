import type { IDataObject } from 'n8n-workflow';

import { formatMessageTime } from '../../../nodes/Monerium/order-rules';
import { MONERIUM_CLIENTS } from '../../sandboxes/monerium';
import {
	CREDENTIAL_ID,
	moneriumNode,
	placeParameters,
	SEED,
	useMoneriumSandbox,
} from './monerium.fixture';

const twentyItems = Array.from({ length: 20 }, (_, index) => ({ n: index + 1 }));
const MEMO = '=Invoice {{ $json.n }} of 2024';

function guardedPlace(safety: IDataObject, overrides: IDataObject = {}): IDataObject {
	return placeParameters({ memo: MEMO, safety, ...overrides });
}

describe('Monerium: Validate Only and spending limits', () => {
	const { sandbox, run, helperFor } = useMoneriumSandbox();
	const place = (safety: IDataObject, extra = {}, overrides: IDataObject = {}) =>
		moneriumNode('Place', guardedPlace(safety, overrides), extra);
	const ordersPlaced = () => sandbox().requests.filter((r) => r.path === '/orders');

	it('Validate Only on 20 orders sends nothing, fetches no token and returns the exact requests', async () => {
		const helper = helperFor();
		const result = await run({
			items: twentyItems,
			nodes: [place({ validateOnly: true })],
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		// Not one request, the token endpoint (/auth/token) included.
		expect(sandbox().requests).toHaveLength(0);
		expect(sandbox().oauthStats.tokenRequests).toBe(0);
		expect(helper.calls.updates).toBe(0);
		expect(helper.stored(CREDENTIAL_ID)?.data.oauthTokenData).toBeUndefined();
		const outputs = result.json('Place');
		expect(outputs).toHaveLength(20);
		expect(outputs[0]).toEqual({
			validateOnly: true,
			method: 'POST',
			url: `${sandbox().baseUrl}/orders`,
			headers: {
				Accept: 'application/vnd.monerium.api-v2+json',
				'Content-Type': 'application/json',
				Authorization: '***',
			},
			body: {
				id: outputs[0].orderId,
				kind: 'redeem',
				address: SEED.address,
				chain: 'sepolia',
				currency: 'eur',
				amount: '100.50',
				counterpart: {
					identifier: { standard: 'iban', iban: SEED.counterpartIban },
					details: { firstName: 'Ola', lastName: 'Nordmann', country: 'DK' },
				},
				message: expect.stringMatching(/^Send EUR 100.50 to /),
				signature: '0xdeadbeef',
				memo: 'Invoice 1 of 2024',
			},
			orderId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			amounts: [{ currency: 'EUR', amount: '100.50' }],
		});
		expect(new Set(outputs.map((output) => output.orderId)).size).toBe(20);
		expect(JSON.stringify(outputs)).not.toContain(MONERIUM_CLIENTS.clientCredentials.clientSecret);
	});

	it('Validate Only with a token already held shows it masked and still sends nothing', async () => {
		const helper = helperFor();
		const placed = await run({ nodes: [place({})], credentialsHelper: helper });
		expect(placed.error).toBeUndefined();
		const token = (helper.stored(CREDENTIAL_ID)?.data.oauthTokenData as IDataObject).access_token;
		expect(typeof token).toBe('string');
		const before = sandbox().requests.length;
		const result = await run({
			items: twentyItems.slice(0, 3),
			nodes: [place({ validateOnly: true })],
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests).toHaveLength(before);
		expect(result.json('Place')[0].headers).toMatchObject({ Authorization: '***' });
		expect(JSON.stringify(result.json('Place'))).not.toContain(token as string);
	});

	it('Validate Only still runs every check (the signed message included)', async () => {
		const stale = formatMessageTime(new Date(Date.now() - 30 * 60 * 1000));
		const result = await run({
			nodes: [
				place(
					{ validateOnly: true },
					{},
					{ message: `Send EUR 100.50 to ${SEED.counterpartIban} at ${stale}` },
				),
			],
		});
		expect(result.error?.message).toContain('more than 5 minutes');
		const unsigned = await run({
			nodes: [place({ validateOnly: true }, {}, { signature: '={{ "" }}' })],
		});
		expect(unsigned.error?.message).toBe('Signature is required [item 0]');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a total limit reached at item 8 of 20: exactly 7 orders, item 8 names the limit', async () => {
		// 7 x 100.50 = 703.50; the 8th would make 804.00.
		const result = await run({
			items: twentyItems,
			nodes: [place({ maxTotalPerExecution: 'EUR 750' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Total per Execution for EUR is 750.00; EUR 703.50 already sent in this execution and this item moves 100.50 [item 7]',
		);
		expect(sandbox().orders()).toHaveLength(7);
		expect(ordersPlaced()).toHaveLength(7);
		expect(sandbox().state.orderAttempts).toBe(7);
	});

	it('with Continue On Fail every item past the limit fails the same way and nothing more is placed', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [place({ maxTotalPerExecution: 'EUR 750' }, { continueOnFail: true })],
		});
		const outputs = result.json('Place');
		expect(outputs).toHaveLength(20);
		expect(outputs.slice(0, 7).every((item) => item.state === 'placed')).toBe(true);
		for (const [index, item] of outputs.slice(7).entries()) {
			expect(item.error).toBe(
				`Spending limit reached: Maximum Total per Execution for EUR is 750.00; EUR 703.50 already sent in this execution and this item moves 100.50 [item ${index + 7}]`,
			);
		}
		expect(sandbox().orders()).toHaveLength(7);
	});

	it('the per-item cap refuses before any request, the token request included', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [place({ maxAmountPerItem: 'EUR 100' })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Amount per Item is EUR 100.00; this item moves EUR 100.50 [item 0]',
		);
		expect(sandbox().requests).toHaveLength(0);
		expect(sandbox().oauthStats.tokenRequests).toBe(0);
	});

	it('an order Monerium rejects does not count toward the limits', async () => {
		const result = await run({
			items: [{ n: 1 }, { n: 2 }, { n: 3 }],
			nodes: [
				place(
					{ maxMovesPerExecution: 2 },
					{ continueOnFail: true },
					// A well-formed address the profile never linked: only Monerium can refuse it.
					{
						address: {
							__rl: true,
							mode: 'id',
							value: `={{ $json.n === 2 ? '0x${'1'.repeat(40)}' : '${SEED.address}' }}`,
						},
					},
				),
			],
		});
		const outputs = result.json('Place');
		expect(outputs[1].error).toBe(
			'Monerium answered 422 Unprocessable Entity: Validation failed - address: Not a linked address of the profile',
		);
		expect(outputs[2]).toMatchObject({ memo: 'Invoice 3 of 2024', state: 'placed' });
		expect(sandbox().orders()).toHaveLength(2);
	});

	it('Loop Over Items one at a time is stopped where a batch would be (the count holds across runs)', async () => {
		const result = await run({
			items: twentyItems,
			nodes: [
				{ name: 'Loop', type: 'test.loopOverItems', parameters: { batchSize: 1 } },
				place({ maxMovesPerExecution: 5 }),
			],
			links: [
				['Items', 0, 'Loop'],
				['Loop', 1, 'Place'],
				['Place', 0, 'Loop'],
			],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Money Moves per Execution is 5; 5 already sent in this execution [item 0]',
		);
		expect(result.nodeRuns('Place')).toBe(6);
		expect(sandbox().orders()).toHaveLength(5);
	});

	it('the same order id on two rows: the second is refused as a duplicate and counts nothing', async () => {
		const orderId = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
		const result = await run({
			items: [{ n: 1 }, { n: 1 }, { n: 3 }],
			nodes: [
				place(
					{ maxMovesPerExecution: 2 },
					{ continueOnFail: true },
					{ additionalFields: { orderId: '={{ $json.n === 1 ? "' + orderId + '" : "" }}' } },
				),
			],
		});
		expect(result.error).toBeUndefined();
		const [first, duplicate, third] = result.json('Place');
		expect(first).toMatchObject({ id: orderId, replayed: false, reconciled: false });
		expect(duplicate.error).toBe(
			`Item 1 asks for the same money move as item 0 (same key ${orderId}), so it was not sent [item 1]`,
		);
		expect(third).toMatchObject({ memo: 'Invoice 3 of 2024', state: 'placed' });
		expect(sandbox().orders()).toHaveLength(2);
	});
});
