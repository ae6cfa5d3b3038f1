import type { IDataObject } from 'n8n-workflow';

import { formatMessageTime } from '../../../nodes/Monerium/order-rules';
import {
	locator,
	moneriumNode,
	placeParameters,
	SEED,
	useMoneriumSandbox,
} from './monerium.fixture';

describe('Monerium orders', () => {
	const { sandbox, run } = useMoneriumSandbox();

	it('order:createMessage builds the message locally, sending nothing', async () => {
		const result = await run({
			nodes: [
				moneriumNode('Message', {
					resource: 'order',
					operation: 'createMessage',
					currency: 'eur',
					amount: '1',
					counterpartType: 'iban',
					counterpartIban: 'DK50 0040 0440 1162 43',
					options: { time: '2024-07-12T12:02:49Z', shortIban: true },
				}),
			],
		});
		expect(result.json('Message')[0]).toMatchObject({
			message: 'Send EUR 1 to DK50...6243 at 2024-07-12T12:02Z',
		});
		expect(sandbox().requests).toHaveLength(0);
	});

	it('createMessage then place: the signed message is accepted and the order placed once', async () => {
		const result = await run({
			nodes: [
				moneriumNode('Message', {
					resource: 'order',
					operation: 'createMessage',
					currency: 'eur',
					amount: '100.50',
					counterpartType: 'iban',
					counterpartIban: SEED.counterpartIban,
				}),
				moneriumNode('Place', placeParameters({ message: '={{ $json.message }}' })),
			],
		});
		expect(result.error).toBeUndefined();
		const [order] = result.json('Place');
		expect(order).toMatchObject({ state: 'placed', amount: '100.50', replayed: false });
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('place derives the order id from the order: the same signed order run again in a new execution is found, not placed twice', async () => {
		const first = await run({
			nodes: [moneriumNode('Place', placeParameters())],
			executionId: 'exec-1',
		});
		const again = await run({
			nodes: [moneriumNode('Place', placeParameters())],
			executionId: 'exec-2',
			journal: first.journal,
		});
		expect(again.json('Place')[0]).toMatchObject({
			id: first.json('Place')[0].id,
			replayed: true,
			reconciled: true,
		});
		expect(sandbox().orders()).toHaveLength(1);
		const other = await run({
			nodes: [moneriumNode('Place', placeParameters({ memo: 'Invoice 2024-002' }))],
			journal: first.journal,
		});
		expect(other.json('Place')[0].id).not.toBe(first.json('Place')[0].id);
		expect(sandbox().orders()).toHaveLength(2);
	});

	it('a 503 before anything was placed: the lookup proves absence, the same id is sent again, one order', async () => {
		sandbox().injectFault({ method: 'POST', path: '/orders', status: 503, times: 1 });
		const result = await run({ nodes: [moneriumNode('Place', placeParameters())] });
		expect(result.error).toBeUndefined();
		const id = String(result.json('Place')[0].id);
		expect(result.json('Place')[0]).toMatchObject({ replayed: false, reconciled: false });
		expect(
			sandbox()
				.requests.filter((r) => r.path.startsWith('/orders'))
				.map((r) => `${r.method} ${r.path} ${r.status}`),
		).toEqual(['POST /orders 503', `GET /orders/${id} 404`, 'POST /orders 201']);
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('a 429 honours Retry-After, then succeeds', async () => {
		sandbox().injectFault({
			method: 'GET',
			path: '/orders',
			status: 429,
			times: 1,
			retryAfter: '0',
		});
		const result = await run({
			nodes: [moneriumNode('List', { resource: 'order', operation: 'getMany', returnAll: true })],
		});
		expect(result.error).toBeUndefined();
		expect(
			sandbox()
				.requests.filter((r) => r.path === '/orders')
				.map((r) => r.status),
		).toEqual([429, 200]);
	});

	it('order:getMany filters and order:get reads one', async () => {
		const placed = await run({ nodes: [moneriumNode('Place', placeParameters())] });
		const id = placed.json('Place')[0].id as string;
		const list = await run({
			nodes: [
				moneriumNode('List', {
					resource: 'order',
					operation: 'getMany',
					returnAll: true,
					filters: { memo: 'Invoice 2024-001', address: SEED.address },
				}),
			],
		});
		expect(list.json('List').map((order) => order.id)).toEqual([id]);
		const none = await run({
			nodes: [
				moneriumNode('List', {
					resource: 'order',
					operation: 'getMany',
					returnAll: true,
					filters: { state: 'processed' },
				}),
			],
		});
		expect(none.json('List')).toEqual([]);
		const one = await run({
			nodes: [moneriumNode('Get', { resource: 'order', operation: 'get', orderId: id })],
		});
		expect(one.json('Get')[0]).toMatchObject({ id, kind: 'redeem' });
	});

	const stale = new Date(Date.now() - 30 * 60 * 1000);
	const invalid: Array<[string, IDataObject, string]> = [
		['amount with three decimals', { amount: '100.505' }, 'at most two decimals'],
		['amount as a number', { amount: 100.5 }, 'at most two decimals'],
		['memo too short', { memo: 'abc' }, '5 to 140'],
		['memo too long', { memo: 'x'.repeat(141) }, '5 to 140'],
		[
			'bad address',
			{ address: locator('0x59cFC408d310697f9D3598e1BE75B0157a07240') },
			'0x address',
		],
		['IBAN failing mod-97', { counterpartIban: 'DK5000400440116244' }, 'not a valid IBAN'],
		[
			'message for another amount',
			{ message: `Send EUR 99 to ${SEED.counterpartIban} at ${formatMessageTime(new Date())}` },
			'differs from the order amount',
		],
		[
			'message in another currency',
			{ message: `Send USD 100.50 to ${SEED.counterpartIban} at ${formatMessageTime(new Date())}` },
			'is for USD',
		],
		[
			'message to another counterpart',
			{ message: `Send EUR 100.50 to DE89370400440532013000 at ${formatMessageTime(new Date())}` },
			"not the order's counterpart",
		],
		[
			'stale message',
			{ message: `Send EUR 100.50 to ${SEED.counterpartIban} at ${formatMessageTime(stale)}` },
			'more than 5 minutes',
		],
		['garbled message', { message: 'Please send money' }, 'not a Monerium order message'],
		[
			'large order without a document',
			{
				amount: '15000',
				message: `Send EUR 15000 to ${SEED.counterpartIban} at ${formatMessageTime(new Date())}`,
			},
			'Supporting Document ID is required',
		],
		['signature without 0x', { signature: 'deadbeef' }, 'must start with 0x'],
	];
	it.each(invalid)(
		'refuses %s before sending anything (second item bad, first never sent)',
		async (_label, overrides, message) => {
			const result = await run({
				items: [{ n: 1 }, { n: 2 }],
				nodes: [
					moneriumNode(
						'Place',
						placeParameters(
							Object.fromEntries(
								Object.entries(overrides).map(([k, v]) => [
									k,
									typeof v === 'string' || typeof v === 'number'
										? `={{ $json.n === 2 ? ${JSON.stringify(v)} : ${JSON.stringify(placeParameters()[k])} }}`
										: v,
								]),
							),
						),
					),
				],
			});
			expect(result.error?.message).toContain(message);
			expect(sandbox().requests.filter((r) => r.path === '/orders')).toHaveLength(0);
			expect(sandbox().state.orderAttempts).toBe(0);
		},
	);
});

describe('Monerium Place Order: the document decides', () => {
	const { sandbox, run } = useMoneriumSandbox();

	it('memo is optional: an empty Memo places the order without one', async () => {
		const result = await run({ nodes: [moneriumNode('Place', placeParameters({ memo: '' }))] });
		expect(result.error).toBeUndefined();
		expect(result.json('Place')[0]).toMatchObject({ state: 'placed' });
		expect(sandbox().orders()).toHaveLength(1);
	});

	it('amount 0 is sent: the document says the amount must be non-negative', async () => {
		const result = await run({
			nodes: [
				moneriumNode(
					'Place',
					placeParameters({
						amount: '0',
						message: `Send EUR 0 to ${SEED.counterpartIban} at ${formatMessageTime(new Date())}`,
					}),
				),
			],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().orders()).toEqual([expect.objectContaining({ amount: '0' })]);
	});

	it('an own Order ID must be a version 4 UUID (the document example v1 id is refused)', async () => {
		const result = await run({
			nodes: [
				moneriumNode(
					'Place',
					placeParameters({
						additionalFields: { orderId: 'b48f7ca4-e51f-11ed-9e13-cacb9390199c' },
					}),
				),
			],
		});
		expect(result.error?.message).toMatch(/^Order ID must be a version 4 UUID/);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('places from and to the chain named ethereum, as the document examples do', async () => {
		const to = '0x59cFC408d310697f9D3598e1BE75B0157a072407';
		const result = await run({
			nodes: [
				moneriumNode(
					'Place',
					placeParameters({
						chain: 'ethereum',
						counterpartType: 'chain',
						counterpartAddress: to,
						counterpartChain: 'ethereum',
						message: `Send EUR 100.50 to ${to} at ${formatMessageTime(new Date())}`,
					}),
				),
			],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().orders()).toEqual([expect.objectContaining({ chain: 'ethereum' })]);
	});
});
