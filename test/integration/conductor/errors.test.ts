import {
	conductorNode,
	createTransactionParameters,
	useConductorSandbox,
} from './conductor.fixture';

describe('Moment Conductor: errors that say what to fix', () => {
	const { sandbox, run } = useConductorSandbox();
	const createWith = (overrides: Record<string, unknown>, extra = {}) =>
		conductorNode('Create', createTransactionParameters(overrides), extra);
	const bill = (amount: unknown, currency: unknown = 'ZAR') => ({
		billItems: { bill: [{ id: 'bill_651574c0d016708b8b37b8ab', amount, currency }] },
	});

	it.each([
		['an amount that is not a decimal', bill('12,50'), /Bill 1 Amount must be a positive decimal/],
		['a negative amount', bill('-5'), /Bill 1 Amount must be a positive decimal/],
		['a zero amount', bill('0.00'), /Bill 1 Amount must be greater than zero/],
		['too many decimals for the currency', bill('9.999'), /more decimals than ZAR allows/],
		[
			'an unknown currency code',
			bill('20.00', 'ZZZ'),
			/^Bill 1 Currency must be an ISO 4217/,
		],
		[
			'bills JSON that does not parse',
			{ itemsSource: 'json', itemsJson: '[{"id": ' },
			/Bills is not valid JSON/,
		],
		[
			'a payment method missing for a completed create',
			{ complete: true, paymentMethod: 'CHEQUE' },
			/Payment Method must be one of/,
		],
	])('refuses %s before sending anything', async (_case, overrides, message) => {
		const result = await run({ items: [{ reference: 'bad-1' }], nodes: [createWith(overrides)] });
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toContain('[item 0]');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('refuses an identifier JSON that does not parse, naming the field', async () => {
		const result = await run({
			nodes: [
				conductorNode('Enquire', {
					resource: 'account',
					operation: 'enquire',
					billerCode: 'ng_dstv',
					identifierType: 'json',
					identifier: '{"customer_number": 12',
				}),
			],
		});
		expect(result.error?.message).toMatch(/^Customer Identifier is not valid JSON/);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('checks every item before paying any: one bad row stops the whole batch', async () => {
		const result = await run({
			items: [
				{ reference: 'batch-1', amount: '10.00' },
				{ reference: 'batch-2', amount: '10.00' },
				{ reference: 'batch-3', amount: 'ten' },
			],
			nodes: [createWith(bill('={{ $json.amount }}'))],
		});
		expect(result.error?.message).toMatch(/Bill 1 Amount .* \[item 2\]$/);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a missing expression value is reported as a missing field, not sent', async () => {
		const result = await run({
			items: [{ other: 'x' }],
			nodes: [createWith({ externalReference: '={{ $json.reference }}' })],
		});
		expect(result.error?.message).toBe('External Reference is required [item 0]');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a wrong secret key is a clear 401 error that does not contain the key', async () => {
		// Built at run time: a literal key-shaped string is what the secrets lint looks for.
		const rejected = ['sk', 'live', 'this_is_not_the_right_key_9f8e7d'].join('_');
		const result = await run({
			items: [{ reference: 'auth-1' }],
			nodes: [createWith({})],
			credentialOverrides: { secretKey: rejected },
		});
		expect(result.error?.message).toBe(
			'Moment Conductor answered 401 UNAUTHORIZED: No valid Secret Key provided.',
		);
		expect(result.error?.description).toMatch(/Check the Secret Key/);
		// n8n re-authenticates once after a 401 and sends again; nothing was executed either time.
		expect(sandbox().requests.length).toBeLessThanOrEqual(2);
		expect(sandbox().stats.transactionsCreated).toBe(0);
		const everything =
			JSON.stringify(result.run) + JSON.stringify(result.error) + String(result.error?.stack);
		expect(everything).not.toContain(rejected);
	});

	it('a key without the sk_ prefix is refused before any request', async () => {
		const result = await run({
			items: [{ reference: 'auth-2' }],
			nodes: [createWith({})],
			credentialOverrides: { secretKey: 'pk_public_key' },
		});
		expect(result.error?.message).toMatch(/Conductor secret keys start with sk_/);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a provider error becomes an API error with its type, detail and a hint', async () => {
		const result = await run({
			nodes: [
				conductorNode('Enquire', {
					resource: 'account',
					operation: 'enquire',
					billerCode: 'xx_unknown',
					identifier: '8604275423086',
				}),
			],
		});
		expect(result.error?.message).toBe(
			'Moment Conductor answered 400 INVALID_BILLER_CODE: Biller code is invalid',
		);
		expect(result.error?.description).toMatch(/Check the Biller Code/);
		expect(result.error?.httpCode).toBe('400');
	});

	it('completing twice reports ALREADY_COMPLETED', async () => {
		const created = await run({
			items: [{ reference: 'twice-complete' }],
			nodes: [createWith({ complete: true, paymentMethod: 'CASH' })],
		});
		const id = created.json('Create')[0].id;
		const complete = conductorNode('Complete', {
			resource: 'transaction',
			operation: 'complete',
			transactionId: id,
			paymentMethod: 'CASH',
		});
		const result = await run({ nodes: [complete] });
		expect(result.error?.message).toContain(
			'400 ALREADY_COMPLETED: Transaction is already completed',
		);
	});

	it('with Continue On Fail, bad and failed items become error items paired with their input', async () => {
		const result = await run({
			items: [
				{ reference: 'cof-1', amount: '10.00' },
				{ reference: 'cof-2', amount: 'oops' },
				{ reference: 'cof-1', amount: '20.00' },
			],
			nodes: [createWith(bill('={{ $json.amount }}'), { continueOnFail: true })],
		});
		expect(result.error).toBeUndefined();
		const output = result.output('Create');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({ external_reference: 'cof-1', status: 'PENDING' });
		expect(output[1].json.error).toMatch(/Bill 1 Amount must be a positive decimal/);
		// The same external reference twice in one batch is one payment: refused before sending.
		expect(output[2].json.error).toMatch(/Item 2 asks for the same money move as item 0/);
		expect(sandbox().stats.transactionsCreated).toBe(1);
	});

	it('retries a 429 after Retry-After and a 503 with backoff, then succeeds', async () => {
		sandbox().injectFault({ kind: 'status-429', path: '/transactions', retryAfterSeconds: 1 });
		sandbox().injectFault({ kind: 'status-503', path: '/transactions' });
		const started = Date.now();
		const result = await run({ items: [{ reference: 'limited-1' }], nodes: [createWith({})] });
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(sandbox().requests).toHaveLength(3);
		expect(sandbox().stats.transactionsCreated).toBe(1);
	});

	it('a 500 saved under the key is replayed once, not retried blindly, and explained', async () => {
		sandbox().injectFault({ kind: 'status-500', path: '/transactions' });
		const result = await run({ items: [{ reference: 'broken-1' }], nodes: [createWith({})] });
		expect(result.error?.message).toContain('500 INTERNAL_SERVER_ERROR');
		expect(result.error?.description).toMatch(/use a new key to try a new payment/);
		expect(sandbox().requests).toHaveLength(2);
		expect(sandbox().stats.transactionsCreated).toBe(0);
	});

	it('gives up on an unreachable host with a clear message', async () => {
		const result = await run({
			items: [{ reference: 'offline-1' }],
			nodes: [createWith({})],
			credentialOverrides: { baseUrl: 'http://127.0.0.1:9/conductor/v1' },
		});
		expect(result.error?.message).toMatch(
			/^Could not reach Moment Conductor after 4 attempt\(s\): the connection was refused$/,
		);
		expect(result.error?.description).toMatch(/same idempotency key/);
	});
});
