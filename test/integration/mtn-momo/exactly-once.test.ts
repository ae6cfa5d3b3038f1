import { randomUUID } from 'node:crypto';

import { DEFAULT_PARALLEL_REQUESTS } from '../../../nodes/MtnMomo/actions/router';
import { newCredentialsHelper } from '../../harness/run-workflow';
import { TEST_MSISDNS } from '../../sandboxes/mtn-momo';
import {
	momoCredential,
	momoNode,
	orders,
	requestToPayParameters,
	useMomoSandbox,
} from './momo.fixture';

const PAY = '/collection/v1_0/requesttopay';

describe('MTN MoMo: one token per credential, and no payer charged twice', () => {
	const { sandbox, run } = useMomoSandbox();
	const payNode = (extra = {}, parameters = {}) =>
		momoNode('Pay', requestToPayParameters(parameters), extra);

	it('a 50-item batch costs one token request, and the next execution none', async () => {
		const credentialsHelper = newCredentialsHelper([
			momoCredential(sandbox(), { disbursementSubscriptionKey: '' }),
		]);
		const first = await run({ items: orders(50), nodes: [payNode()], credentialsHelper });
		expect(first.error).toBeUndefined();
		expect(first.json('Pay')).toHaveLength(50);
		expect(sandbox().stats.requestsToPay).toBe(50);
		expect(sandbox().stats.tokenRequests).toEqual({ collection: 1, disbursement: 0 });
		// n8n asks the credential once per request in flight that finds no token: they share one exchange.
		expect(credentialsHelper.calls.preAuthentication).toBeLessThanOrEqual(
			DEFAULT_PARALLEL_REQUESTS,
		);
		const callsAfterFirst = credentialsHelper.calls.preAuthentication;
		expect(credentialsHelper.stored('momo-sandbox')?.data.sessionTokens).toEqual(
			expect.stringContaining('token'),
		);

		const second = await run({ items: orders(10), nodes: [payNode()], credentialsHelper });
		expect(second.error).toBeUndefined();
		expect(sandbox().stats.tokenRequests.collection).toBe(1);
		// The stored token served the next execution: no more calls to the credential.
		expect(credentialsHelper.calls.preAuthentication).toBe(callsAfterFirst);
	});

	it('a token expiring mid-batch is renewed once and no item is lost', async () => {
		sandbox().injectFault({ kind: 'expire-tokens', method: 'POST', path: PAY, skip: 20 });
		const credentialsHelper = newCredentialsHelper([momoCredential(sandbox())]);
		const result = await run({ items: orders(50), nodes: [payNode()], credentialsHelper });
		expect(result.error).toBeUndefined();
		expect(result.json('Pay').map((item) => item.externalId)).toEqual(
			orders(50).map((order) => order.externalId),
		);
		expect(sandbox().stats.requestsToPay).toBe(50);
		// Both products' tokens are fetched together: 2 rounds of (collection + disbursement), however
		// many requests in flight found the token expired at once.
		expect(sandbox().stats.tokenRequests).toEqual({ collection: 2, disbursement: 2 });
		const unauthorized = sandbox().requests.filter((request) => request.statusCode === 401);
		expect(unauthorized.length).toBeGreaterThanOrEqual(1);
		expect(unauthorized.length).toBeLessThanOrEqual(DEFAULT_PARALLEL_REQUESTS);
	});

	it('an answer lost after MoMo accepted the request: the status read by reference finds it, nothing is sent again', async () => {
		sandbox().injectFault({
			kind: 'drop-after-processing',
			method: 'POST',
			path: PAY,
			when: (request) => (request.body as { externalId?: string }).externalId === 'order-2',
		});
		const result = await run({ items: orders(3), nodes: [payNode()] });
		expect(result.error).toBeUndefined();
		const outputs = result.json('Pay');
		expect(outputs.map((item) => item.alreadyRequested)).toEqual([false, true, false]);
		expect(outputs.map((item) => item.reconciled)).toEqual([undefined, true, undefined]);
		expect(outputs[1]).toMatchObject({ externalId: 'order-2', amount: '100.00' });
		expect(sandbox().stats.requestsToPay).toBe(3);
		expect(sandbox().stats.duplicateReferences).toBe(0);
		const references = sandbox()
			.requests.filter((request) => request.path === PAY)
			.map((request) => request.headers['x-reference-id']);
		expect(references).toHaveLength(3);
		expect(new Set(references).size).toBe(3);
	});

	it("n8n's Retry On Fail re-runs the node from item 0: earlier items are not charged again", async () => {
		sandbox().injectFault({
			kind: 'status-503',
			method: 'POST',
			path: PAY,
			times: 4,
			when: (request) => (request.body as { externalId?: string }).externalId === 'order-3',
		});
		const result = await run({
			items: orders(4),
			// One by one, so which items were paid before the failure is known.
			nodes: [
				payNode(
					{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
					{ batching: { parallelRequests: 1 } },
				),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Pay').map((item) => item.alreadyRequested)).toEqual([
			true,
			true,
			false,
			false,
		]);
		expect(sandbox().stats.requestsToPay).toBe(4);
	});

	it('running the same items twice in one execution charges once', async () => {
		const executionId = randomUUID();
		await run({ items: orders(5), nodes: [payNode()], executionId });
		const again = await run({ items: orders(5), nodes: [payNode()], executionId });
		expect(again.error).toBeUndefined();
		expect(again.json('Pay').every((item) => item.alreadyRequested === true)).toBe(true);
		expect(sandbox().stats.requestsToPay).toBe(5);
	});

	it('references are derived from the External ID: running the workflow again never charges twice', async () => {
		const node = payNode();
		await run({ items: orders(20), nodes: [node] });
		const again = await run({ items: orders(20), nodes: [node] });
		expect(again.error).toBeUndefined();
		expect(sandbox().stats.requestsToPay).toBe(20);
		expect(again.json('Pay').every((item) => item.alreadyRequested === true)).toBe(true);
	});

	it('a reference reused for a different payment is refused, not reported as paid', async () => {
		const referenceId = randomUUID();
		await run({
			items: [{ externalId: 'a', amount: '10' }],
			nodes: [payNode({}, { options: { referenceId } })],
		});
		const result = await run({
			items: [{ externalId: 'b', amount: '99' }],
			nodes: [payNode({}, { options: { referenceId } })],
		});
		expect(result.error?.message).toContain('RESOURCE_ALREADY_EXIST');
		expect(result.error?.message).toContain('amount 10.00 instead of 99.00');
		expect(sandbox().stats.requestsToPay).toBe(1);
	});

	describe('Wait for Final Status', () => {
		const waitParameters = (timeout = 5) => ({
			waitForFinalStatus: true,
			waitTimeout: timeout,
			options: { pollInterval: 0.02 },
		});

		it('SUCCESSFUL and FAILED (with the reason) in one batch', async () => {
			const result = await run({
				items: [
					{ externalId: 'ok', msisdn: TEST_MSISDNS.success },
					{ externalId: 'rejected', msisdn: TEST_MSISDNS.rejected },
					{ externalId: 'funds', msisdn: TEST_MSISDNS.notEnoughFunds },
				],
				nodes: [payNode({}, waitParameters())],
			});
			expect(result.error).toBeUndefined();
			expect(result.json('Pay').map((item) => [item.status, item.reason, item.timedOut])).toEqual([
				['SUCCESSFUL', null, false],
				['FAILED', 'APPROVAL_REJECTED', false],
				['FAILED', 'NOT_ENOUGH_FUNDS', false],
			]);
		});

		it('times out on a payer who never answers and outputs PENDING', async () => {
			const started = Date.now();
			const result = await run({
				items: [{ externalId: 'slow', msisdn: TEST_MSISDNS.ongoing }],
				nodes: [payNode({}, waitParameters(0.3))],
			});
			expect(result.error).toBeUndefined();
			expect(result.json('Pay')[0]).toMatchObject({
				status: 'PENDING',
				timedOut: true,
				finalStatus: false,
			});
			expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		});
	});
});
