import { randomUUID } from 'node:crypto';

import {
	momoNode,
	orders,
	requestToPayParameters,
	secretsOf,
	useMomoSandbox,
} from './momo.fixture';

describe('MTN MoMo: errors name the cause and the field; nothing is sent for bad input', () => {
	const { sandbox, run } = useMomoSandbox();
	const payNode = (parameters = {}, extra = {}) =>
		momoNode('Pay', requestToPayParameters(parameters), extra);

	it('a bad MSISDN in item 5 of 10 stops the batch before any request', async () => {
		const items = orders(10);
		items[5].msisdn = '46-abc-733';
		const result = await run({ items, nodes: [payNode()] });
		expect(result.error?.message).toBe(
			'Payer must be a phone number in international format, digits only (got "46-abc-733") [item 5]',
		);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a local number is refused with the fix in the hint', async () => {
		const result = await run({
			items: [{ externalId: 'x', msisdn: '0772123456' }],
			nodes: [payNode()],
		});
		expect(result.error?.message).toContain('looks like a local number');
		expect(result.error?.description).toContain('256772123456');
		expect(sandbox().requests).toHaveLength(0);
	});

	it.each([
		['-5', 'must be a positive decimal number'],
		['0', 'must be greater than zero'],
		['1.005', 'more decimals than EUR allows'],
		['1,000', 'must be a positive decimal number'],
	])('amount %s is refused before any request', async (amount, message) => {
		const result = await run({ items: [{ externalId: 'x', amount }], nodes: [payNode()] });
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain('[item 0]');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('an unknown currency is refused before any request', async () => {
		const result = await run({
			items: [{ externalId: 'x' }],
			nodes: [payNode({ currency: 'EURO' })],
		});
		expect(result.error?.message).toContain('Currency must be an ISO 4217 currency code');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('with Continue On Fail, the bad item becomes an error item and the others are paid', async () => {
		const items = orders(3);
		items[1].amount = 'ten';
		const result = await run({ items, nodes: [payNode({}, { continueOnFail: true })] });
		const outputs = result.json('Pay');
		expect(outputs[1].error).toContain('Amount must be a positive decimal number');
		expect(outputs[0].status).toBe('PENDING');
		expect(outputs[2].status).toBe('PENDING');
		expect(sandbox().stats.requestsToPay).toBe(2);
	});

	it('a currency the sandbox refuses (500 INVALID_CURRENCY) is explained and not retried', async () => {
		const result = await run({
			items: [{ externalId: 'x' }],
			nodes: [payNode({ currency: 'UGX' })],
		});
		expect(result.error?.message).toBe(
			'MTN MoMo answered 500 INVALID_CURRENCY: Currency not supported.',
		);
		expect(result.error?.description).toContain('the MoMo sandbox only accepts EUR');
		expect(
			sandbox().requests.filter(
				(request) => request.method === 'POST' && request.path.endsWith('requesttopay'),
			),
		).toHaveLength(1);
	});

	it('a wrong subscription key points at the Collection Subscription Key field, and does not leak it', async () => {
		const result = await run({
			items: [{ externalId: 'x' }],
			nodes: [payNode()],
			credentialOverrides: { collectionSubscriptionKey: 'not-the-right-key' },
		});
		expect(result.error?.message).toContain('invalid subscription key');
		expect(result.error?.description).toContain('Collection Subscription Key');
		expect(JSON.stringify(result.run)).not.toContain('not-the-right-key');
		expect(sandbox().stats.requestsToPay).toBe(0);
	});

	it('a wrong API key points at API User and API Key, and no secret appears anywhere', async () => {
		const wrongKey = `wrong-${randomUUID()}`;
		const result = await run({
			items: [{ externalId: 'x' }],
			nodes: [payNode()],
			credentialOverrides: { apiKey: wrongKey },
		});
		expect(result.error?.message).toBe(
			'MTN MoMo answered 401 TOKEN_REFUSED: no collection access token: login_failed',
		);
		expect(result.error?.description).toContain('API User and API Key');
		const everything = JSON.stringify(result.run);
		expect(everything).not.toContain(wrongKey);
		for (const secret of secretsOf(sandbox())) expect(everything).not.toContain(secret);
	});

	it('no secret or token appears in a successful run either', async () => {
		const result = await run({ items: orders(2), nodes: [payNode()] });
		expect(result.error).toBeUndefined();
		const everything = JSON.stringify(result.run);
		for (const secret of secretsOf(sandbox())) expect(everything).not.toContain(secret);
		const tokens = sandbox()
			.requests.map((request) => request.headers.authorization ?? '')
			.filter((value) => value.startsWith('Bearer '))
			.map((value) => value.slice(7));
		expect(tokens.length).toBeGreaterThan(0);
		for (const token of tokens) expect(everything).not.toContain(token);
	});

	it('a missing API user (sandbox provisioning not done) says what to set', async () => {
		const result = await run({
			nodes: [momoNode('Balance', { resource: 'collection', operation: 'getBalance' })],
			credentialOverrides: { apiUser: '', apiKey: '' },
		});
		expect(result.error?.message).toContain('the credential has no API User or API Key');
		expect(result.error?.description).toContain('API User and API Key');
	});

	it('sandbox operations are refused on a production environment before any request', async () => {
		const result = await run({
			nodes: [
				momoNode('User', {
					resource: 'sandbox',
					operation: 'createApiUser',
					providerCallbackHost: 'example.com',
				}),
			],
			credentialOverrides: { targetEnvironment: 'mtnuganda' },
		});
		expect(result.error?.message).toContain('only work against the MoMo sandbox');
		expect(result.error?.message).toContain('"mtnuganda"');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a wrong target environment is explained', async () => {
		const result = await run({
			nodes: [momoNode('Balance', { resource: 'collection', operation: 'getBalance' })],
			credentialOverrides: { targetEnvironment: 'mtnghana' },
		});
		expect(result.error?.message).toContain('403 NOT_ALLOWED_TARGET_ENVIRONMENT');
		expect(result.error?.description).toContain('Target Environment');
	});

	it('an unknown reference is RESOURCE_NOT_FOUND with a hint', async () => {
		const result = await run({
			nodes: [
				momoNode('Status', {
					resource: 'collection',
					operation: 'getStatus',
					referenceId: '3f4b5c2e-8a1d-4c6e-9b7f-000000000000',
				}),
			],
		});
		expect(result.error?.message).toContain('404 RESOURCE_NOT_FOUND');
		expect(result.error?.description).toContain('reference ID');
	});

	it('a persistent 500: looked up by reference before every resend (never resent blind), then reported with the provider code', async () => {
		sandbox().injectFault({
			kind: 'status-500',
			method: 'POST',
			path: '/collection/v1_0/requesttopay',
			times: 4,
		});
		const result = await run({ items: [{ externalId: 'x' }], nodes: [payNode()] });
		expect(result.error?.message).toBe(
			'MTN MoMo answered 500 INTERNAL_PROCESSING_ERROR: An internal error occurred while processing.',
		);
		expect(result.error?.description).toContain(
			'first reads the status by its X-Reference-Id and only sends it if MoMo does not have it',
		);
		const calls = sandbox()
			.requests.filter((request) => request.path.includes('requesttopay'))
			// A request refused for an expired token (and sent again with a new one) is not an attempt.
			.filter((request) => request.statusCode !== 401)
			.map((request) => request.method);
		expect(calls).toEqual(['POST', 'GET', 'POST', 'GET', 'POST', 'GET']);
	});
});
