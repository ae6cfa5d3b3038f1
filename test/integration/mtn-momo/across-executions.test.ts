import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { TestJournal } from '../../harness/journal';
import type { MomoProduct } from '../../sandboxes/mtn-momo';
import { momoNode, orders, useMomoSandbox } from './momo.fixture';

/**
 * The MoMo document (seed 004) says nothing about a repeated X-Reference-Id, so the sandbox runs
 * here in the reading that does NOT deduplicate: a repeated reference is executed again as a new
 * payment. Every test counts the payments the sandbox made.
 */
const operations = [
	{
		product: 'collection',
		resource: 'collection',
		operation: 'requestToPay',
		path: 'requesttopay',
	},
	{ product: 'disbursement', resource: 'disbursement', operation: 'transfer', path: 'transfer' },
] as const;

function paymentParameters(resource: string, operation: string, extra: IDataObject = {}) {
	return {
		resource,
		operation,
		amount: '={{ $json.amount ?? "100" }}',
		currency: 'EUR',
		externalId: '={{ $json.externalId }}',
		partyIdType: 'MSISDN',
		partyId: '={{ $json.msisdn ?? "46733123459" }}',
		// One item after the other, so "items 1-5 were sent before item 6 failed" holds exactly.
		batching: { parallelRequests: 1 },
		...extra,
	};
}

describe.each(operations)(
	'MTN MoMo $resource:$operation, repeated references NOT deduplicated by the provider',
	({ product, resource, operation, path }) => {
		const { sandbox, run } = useMomoSandbox({ repeatedReference: 'accept' });
		const node = (extra: IDataObject = {}, parameters: IDataObject = {}) =>
			momoNode('Pay', paymentParameters(resource, operation, parameters), extra);
		const moves = () => sandbox().payments(product as MomoProduct).length;
		const POST = `/${product}/v1_0/${path}`;
		const retryOnFail = { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 };

		it('answer dropped after MoMo executed it, Retry On Fail on: exactly 1 payment, found by its status', async () => {
			sandbox().injectFault({ kind: 'drop-after-processing', method: 'POST', path: POST });
			const result = await run({ items: orders(1), nodes: [node(retryOnFail)] });
			expect(result.error).toBeUndefined();
			expect(result.json('Pay')[0]).toMatchObject({
				externalId: 'order-1',
				reconciled: true,
				alreadyRequested: true,
			});
			expect(moves()).toBe(1);
		});

		it('5xx after MoMo executed it, Retry On Fail on: exactly 1 payment', async () => {
			sandbox().injectFault({ kind: 'status-500-after-processing', method: 'POST', path: POST });
			const result = await run({ items: orders(1), nodes: [node(retryOnFail)] });
			expect(result.error).toBeUndefined();
			expect(result.json('Pay')[0]).toMatchObject({ reconciled: true });
			expect(moves()).toBe(1);
		});

		it('a 429 means MoMo did not act: sent again after waiting, 1 payment', async () => {
			sandbox().injectFault({ kind: 'status-429', method: 'POST', path: POST, times: 2 });
			const result = await run({ items: orders(1), nodes: [node()] });
			expect(result.error).toBeUndefined();
			expect(result.json('Pay')[0].reconciled).toBeUndefined();
			expect(
				sandbox().requests.filter((request) => request.path === POST && request.statusCode !== 401),
			).toHaveLength(3);
			expect(moves()).toBe(1);
		});

		it("item 6 of 10 fails on a provider error, the input is fixed, n8n's Retry (new execution): 10 payments", async () => {
			const journal = new TestJournal();
			const broken = orders(10).map((item, index) =>
				index === 5 ? { ...item, amount: '-5' } : item,
			);
			const failed = await run({ items: broken, nodes: [node()], journal });
			expect(failed.error?.message).toMatch(/Amount/);
			// The node checks every item before sending: nothing was sent for this batch.
			expect(moves()).toBe(0);

			// A provider refusal after items 1-5 were paid: the 6th payee is not allowed.
			const refused = orders(10).map((item, index) =>
				index === 5 ? { ...item, callbackUrl: 'https://elsewhere.example.com/cb' } : item,
			);
			const withCallback = { additionalFields: { callbackUrl: '={{ $json.callbackUrl ?? "" }}' } };
			const first = await run({ items: refused, nodes: [node({}, withCallback)], journal });
			expect(first.error?.message).toMatch(/INVALID_CALLBACK_URL_HOST/);
			expect(moves()).toBe(5);

			const retried = await run({
				items: orders(10),
				nodes: [node({}, withCallback)],
				journal,
				executionId: randomUUID(),
			});
			expect(retried.error).toBeUndefined();
			expect(retried.json('Pay').map((item) => item.reconciled ?? false)).toEqual([
				...Array(5).fill(true),
				...Array(5).fill(false),
			]);
			expect(moves()).toBe(10);
		});

		it('the same 10-item batch run as two executions (a re-delivered webhook): 10 payments', async () => {
			const first = await run({ items: orders(10), nodes: [node()] });
			const second = await run({
				items: orders(10),
				nodes: [node()],
				journal: first.journal,
				executionId: randomUUID(),
			});
			expect(second.error).toBeUndefined();
			expect(second.json('Pay').every((item) => item.reconciled === true)).toBe(true);
			expect(second.json('Pay').map((item) => item.referenceId)).toEqual(
				first.json('Pay').map((item) => item.referenceId),
			);
			expect(moves()).toBe(10);
		});

		it('the same batch delivered three times (three executions): still 10 payments', async () => {
			const journal = new TestJournal();
			for (let delivery = 0; delivery < 3; delivery++) {
				const result = await run({
					items: orders(10),
					nodes: [node()],
					journal,
					executionId: randomUUID(),
				});
				expect(result.error).toBeUndefined();
			}
			expect(moves()).toBe(10);
		});

		it('two identical rows (same External ID) in one batch: the second fails as a duplicate, 1 payment', async () => {
			const result = await run({
				items: [{ externalId: 'inv-1' }, { externalId: 'inv-1' }],
				nodes: [node({ continueOnFail: true })],
			});
			const outputs = result.json('Pay');
			expect(outputs[0]).toMatchObject({ externalId: 'inv-1', status: 'PENDING' });
			expect(outputs[1].error).toMatch(/^Item 1 asks for the same money move as item 0/);
			expect(moves()).toBe(1);
		});
	},
);

describe('MTN MoMo: a payment MoMo accepted whose status cannot be read stays counted', () => {
	const { sandbox, run } = useMomoSandbox({ settleAfterMs: 5 });
	const transfers = (safety: IDataObject) =>
		momoNode(
			'Pay',
			paymentParameters('disbursement', 'transfer', {
				safety,
				waitForFinalStatus: true,
				waitTimeout: 2,
				options: { pollInterval: 0.01 },
				batching: {},
			}),
			{ continueOnFail: true },
		);
	const everyPollRateLimited = () =>
		sandbox().injectFault({
			kind: 'status-429',
			method: 'GET',
			path: /^\/disbursement\/v1_0\/transfer\//,
			times: 1000,
		});

	it.each([
		['Maximum Money Moves per Execution = 3', { maxMovesPerExecution: 3 }],
		['Maximum Total per Execution = EUR 300', { maxTotalPerExecution: 'EUR 300' }],
	])(
		'%s, every status poll answers 429, Continue On Fail: at most 3 transfers sent',
		async (_, safety) => {
			everyPollRateLimited();
			const result = await run({ items: orders(10), nodes: [transfers(safety)] });
			const outputs = result.json('Pay');
			expect(outputs).toHaveLength(10);
			const accepted = outputs.filter((item) =>
				String(item.description ?? '').startsWith('MoMo accepted this payment'),
			);
			expect(accepted).toHaveLength(3);
			expect(accepted[0].error).toMatch(/429/);
			expect(
				outputs.filter((item) => /^Spending limit reached/.test(String(item.error))),
			).toHaveLength(7);
			expect(sandbox().stats.transfers).toBe(3);
		},
	);
});
