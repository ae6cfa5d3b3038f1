import {
	mementoNode,
	payParameters,
	UNVERIFIED_SOURCE_UUID,
	useMementoSandbox,
} from './memento.fixture';

describe('Memento Payments: errors, PIN secrecy and exactly-once money moves', () => {
	const { sandbox, run } = useMementoSandbox();

	it('a wrong PIN is a 422; the PIN the API echoed is redacted from the error', async () => {
		const result = await run({
			nodes: [mementoNode('Memento', payParameters())],
			credentialOverrides: { pin: '9876' },
		});
		expect(result.error?.message).toMatch(
			/422 VALIDATION_ERROR: Validation failed; pin: PIN \*\*\* is incorrect/,
		);
		// What n8n shows and stores for the error (the node's parameters are the user's own workflow).
		const error = result.error as unknown as Record<string, unknown>;
		const everything = JSON.stringify({
			message: error.message,
			description: error.description,
			context: error.context,
			response: error.errorResponse,
			messages: error.messages,
			stack: error.stack,
		});
		expect(everything).not.toContain('9876');
		expect(sandbox().stats.paymentsCreated).toBe(0);
	});

	it('with Continue On Fail the PIN is not in the error item either', async () => {
		const result = await run({
			nodes: [mementoNode('Memento', payParameters(), { continueOnFail: true })],
			credentialOverrides: { pin: '9876' },
		});
		expect(result.error).toBeUndefined();
		expect(JSON.stringify(result.json('Memento'))).not.toContain('9876');
		expect(result.json('Memento')[0]).toMatchObject({ httpCode: '422' });
	});

	it('a bad amount in item 2 stops the batch before any payment is sent', async () => {
		const result = await run({
			items: [{ amount: '5.00' }, { amount: '5.001' }],
			nodes: [mementoNode('Memento', payParameters({ amount: '={{ $json.amount }}' }))],
		});
		expect(result.error?.message).toMatch(
			/Amount has more decimals than GBP allows \(at most 2\): 5.001 \[item 1\]/,
		);
		expect(sandbox().requestsTo('POST', '/v1/payments')).toHaveLength(0);
	});

	it('a malformed PIN is refused without showing it', async () => {
		const result = await run({
			nodes: [mementoNode('Memento', payParameters())],
			credentialOverrides: { pin: 'abc1234xyz' },
		});
		expect(result.error?.message).toMatch(/PIN in the Memento Payments credential must be 4 to 8 digits/);
		expect(result.error?.message).not.toContain('abc1234xyz');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a workflow that still keeps a PIN parameter (older versions) is stopped before anything is sent, without showing it', async () => {
		const result = await run({ nodes: [mementoNode('Memento', payParameters({ pin: '4321' }))] });
		const error = result.error as unknown as Record<string, unknown>;
		expect(error.message).toMatch(/still keeps a PIN in the workflow.*\[item 0\]/);
		expect(error.description).toMatch(/credential's PIN field/);
		expect(JSON.stringify([error.message, error.description])).not.toContain('4321');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('without a PIN in the credential, a payment is refused before anything is sent', async () => {
		const result = await run({
			nodes: [mementoNode('Memento', payParameters())],
			credentialOverrides: { pin: '' },
		});
		expect(result.error?.message).toBe(
			'The Memento Payments credential has no PIN; payments need it [item 0]',
		);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('an unverified payment source is a 422 naming the field', async () => {
		const result = await run({
			nodes: [mementoNode('Memento', payParameters({ paymentSourceUuid: UNVERIFIED_SOURCE_UUID }))],
		});
		expect(result.error?.message).toMatch(/payment_source_uuid: is not verified yet/);
	});

	it('404 (empty body) explains "wrong URL or not yours"', async () => {
		const result = await run({
			nodes: [
				mementoNode('Memento', {
					resource: 'payment',
					operation: 'get',
					paymentUuid: '00000000-0000-4000-8000-000000000000',
				}),
			],
		});
		expect(result.error?.message).toMatch(/Memento Payments answered 404 NOT_FOUND/);
		expect(result.error?.description).toMatch(
			/wrong URL or an object the current user does not own/,
		);
	});

	it('400 Error objects keep their code and message', async () => {
		const result = await run({
			nodes: [
				mementoNode('Memento', {
					resource: 'pool',
					operation: 'close',
					poolUuid: sandbox().state.pools[0].uuid as string,
				}),
			],
		});
		expect(result.error).toBeUndefined();
		const again = await run({
			nodes: [
				mementoNode('Memento', {
					resource: 'pool',
					operation: 'close',
					poolUuid: sandbox().state.pools[0].uuid as string,
				}),
			],
		});
		expect(again.error?.message).toMatch(/400 pool_closed: The pool is already closed/);
	});

	it('a 500 after the payment is retried with the same key and replayed: paid once', async () => {
		sandbox().injectFault({
			kind: 'status',
			status: 503,
			method: 'POST',
			path: /^\/v1\/payments$/,
			times: 1,
		});
		const result = await run({ nodes: [mementoNode('Memento', payParameters())] });
		expect(result.error).toBeUndefined();
		const calls = sandbox().requestsTo('POST', '/v1/payments');
		expect(calls.map((r) => r.status)).toEqual([503, 201]);
		expect(new Set(calls.map((r) => r.headers['idempotency-key'])).size).toBe(1);
		expect(sandbox().stats.paymentsCreated).toBe(1);
	});

	it('running the same item again in the same execution replays the payment instead of paying twice', async () => {
		const first = await run({
			executionId: 'exec-1',
			nodes: [mementoNode('Memento', payParameters())],
		});
		const second = await run({
			executionId: 'exec-1',
			nodes: [mementoNode('Memento', payParameters())],
		});
		expect(second.json('Memento')[0]).toMatchObject({
			uuid: first.json('Memento')[0].uuid,
			idempotency: { replayed: true },
		});
		expect(sandbox().stats.paymentsCreated).toBe(1);
		expect(sandbox().stats.replays).toBe(1);
	});

	it('a non-idempotent POST (request:create) is never retried on a 5xx', async () => {
		sandbox().injectFault({
			kind: 'status',
			status: 500,
			method: 'POST',
			path: /^\/v1\/requests$/,
		});
		const result = await run({
			nodes: [
				mementoNode('Memento', {
					resource: 'request',
					operation: 'create',
					description: 'x',
					participants: { participant: [{ phone: '+44 7700 900777', amount: '1' }] },
				}),
			],
		});
		expect(result.error?.message).toMatch(/500/);
		expect(sandbox().requestsTo('POST', '/v1/requests')).toHaveLength(1);
	});
});
