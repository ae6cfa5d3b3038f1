import { newCredentialsHelper } from '../../harness/run-workflow';
import {
	momoCredential,
	momoNode,
	orders,
	requestToPayParameters,
	useMomoSandbox,
} from './momo.fixture';

describe('MTN MoMo: items in parallel share one token', () => {
	const { sandbox, run } = useMomoSandbox();

	it('200 items, 10 in flight, the token expired before the batch: one new token per product', async () => {
		const credentialsHelper = newCredentialsHelper([momoCredential(sandbox())]);
		const pay = (prefix: string, count: number) =>
			run({
				items: orders(count).map((item) => ({
					externalId: `${prefix}-${String(item.externalId)}`,
				})),
				nodes: [momoNode('Pay', requestToPayParameters({ batching: { parallelRequests: 10 } }))],
				credentialsHelper,
			});
		expect((await pay('warm', 1)).error).toBeUndefined();
		const before = { ...sandbox().stats.tokenRequests };
		sandbox().expireTokens();

		const result = await pay('batch', 200);
		expect(result.error).toBeUndefined();
		expect(result.json('Pay')).toHaveLength(200);
		// Ten requests see the same expired token at once: one exchange serves them all.
		expect(sandbox().stats.tokenRequests.collection - before.collection).toBe(1);
		expect(sandbox().stats.tokenRequests.disbursement - before.disbursement).toBe(1);
		expect(sandbox().payments().length).toBe(201);
	});

	it('a fresh credential (no token yet), 40 items, 10 in flight from the first: one token per product', async () => {
		const credentialsHelper = newCredentialsHelper([momoCredential(sandbox())]);
		const before = { ...sandbox().stats.tokenRequests };
		const result = await run({
			items: orders(40).map((item) => ({ externalId: `fresh-${String(item.externalId)}` })),
			nodes: [momoNode('Pay', requestToPayParameters({ batching: { parallelRequests: 10 } }))],
			credentialsHelper,
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Pay')).toHaveLength(40);
		// The first ten go together (no request waits for another): their exchanges are shared.
		expect(sandbox().stats.tokenRequests.collection - before.collection).toBe(1);
		expect(sandbox().stats.tokenRequests.disbursement - before.disbursement).toBe(1);
	});
});
