import { depositParameters, momentoNode, useMomentoSandbox } from './momento.fixture';

describe('Momento: the rate limit (1000 requests per hour, 429 beyond)', () => {
	const { sandbox, run } = useMomentoSandbox();
	const twentyItems = Array.from({ length: 20 }, (_, index) => ({ ref: `RL-${index}` }));
	const deposit = (extra = {}) =>
		momentoNode('Deposit', depositParameters({ options: { orderId: '={{ $json.ref }}' } }), extra);

	it('a batch of 20 with the limit at 5 waits out every 429 (Retry-After) and loses no item', async () => {
		// A window long enough that even a loaded machine sends more than 5 requests within it.
		sandbox().setRateLimit({ limit: 5, windowMs: 1000 });
		const result = await run({ items: twentyItems, nodes: [deposit()] });
		expect(result.error).toBeUndefined();
		const output = result.output('Deposit');
		expect(output.map((item) => item.json.orderID)).toEqual(twentyItems.map((item) => item.ref));
		expect(output.map((item) => item.pairedItem)).toEqual(
			twentyItems.map((_, index) => ({ item: index })),
		);
		expect(sandbox().stats.depositsCreated).toBe(20);
		expect(sandbox().stats.duplicateOrders).toBe(0);
		expect(sandbox().stats.rateLimited).toBeGreaterThanOrEqual(3);
		const limited = sandbox().requests.filter((r) => r.status === 429);
		expect(limited.length).toBe(sandbox().stats.rateLimited);
	});

	it('a limit that outlasts the wait fails the item with an error naming the limit', async () => {
		sandbox().setRateLimit({ limit: 1, windowMs: 3_600_000 });
		const result = await run({ items: twentyItems.slice(0, 3), nodes: [deposit()] });
		expect(result.error?.message).toMatch(
			/^Momento rate limit: the API allows 1000 requests per hour and still answered 429 Too Many Requests after 1 attempt\(s\)\. Momento asked to wait 3\d{3} s\.$/,
		);
		expect(result.error?.description).toMatch(/Nothing was created by this item/);
		expect(sandbox().stats.depositsCreated).toBe(1);
	});

	it('with Continue On Fail every limited item becomes an error item, and later ones are not sent', async () => {
		sandbox().setRateLimit({ limit: 2, windowMs: 3_600_000 });
		// One by one, so exactly one item meets the 429 and the later ones are held back unsent.
		const oneByOne = momentoNode(
			'Deposit',
			depositParameters({
				options: { orderId: '={{ $json.ref }}' },
				batching: { parallelRequests: 1 },
			}),
			{ continueOnFail: true },
		);
		const result = await run({ items: twentyItems.slice(0, 5), nodes: [oneByOne] });
		expect(result.error).toBeUndefined();
		const output = result.json('Deposit');
		expect(output).toHaveLength(5);
		expect(output.slice(0, 2).map((json) => json.orderID)).toEqual(['RL-0', 'RL-1']);
		expect(output[2]).toMatchObject({
			httpCode: '429',
			error: expect.stringMatching(/still answered 429/),
		});
		for (const json of output.slice(3)) {
			expect(json).toMatchObject({
				httpCode: '429',
				error: expect.stringMatching(
					/reached by an earlier item of this batch, so this item was not sent/,
				),
			});
		}
		expect(sandbox().requests).toHaveLength(3);
		expect(sandbox().stats.depositsCreated).toBe(2);
	});
});
