import { sleep } from 'n8n-workflow';

import { momoCallbackToken } from '../../../nodes/MtnMomo/trigger/callback';
import { isUuidV4 } from '../../../nodes/shared/description/field-validation';
import { testCredential } from '../../harness/credential-test';
import { TEST_MSISDNS } from '../../sandboxes/mtn-momo';
import { momoCredential, momoNode, requestToPayParameters, useMomoSandbox } from './momo.fixture';

describe('MTN MoMo: one test per operation, over real HTTP against the sandbox', () => {
	const { sandbox, run } = useMomoSandbox();

	it('collection > requestToPay: 202, a v4 X-Reference-Id, the amount as a decimal string', async () => {
		const result = await run({
			items: [{ externalId: 'order-1', amount: '12.5', msisdn: '+467 3312 3459' }],
			nodes: [
				momoNode(
					'Pay',
					requestToPayParameters({
						additionalFields: {
							payerMessage: 'Order 1',
							payeeNote: 'Thanks',
							callbackUrl: 'http://127.0.0.1:5678/webhook/momo/callback',
						},
					}),
				),
			],
		});
		expect(result.error).toBeUndefined();
		const [output] = result.json('Pay');
		expect(output).toMatchObject({
			product: 'collection',
			status: 'PENDING',
			amount: '12.50',
			currency: 'EUR',
			externalId: 'order-1',
			payer: { partyIdType: 'MSISDN', partyId: '46733123459' },
			alreadyRequested: false,
		});
		expect(isUuidV4(String(output.referenceId))).toBe(true);
		const [payment] = sandbox().payments('collection');
		expect(payment).toMatchObject({
			referenceId: output.referenceId,
			amount: '12.50',
			payerMessage: 'Order 1',
		});
		const sent = sandbox().requests.find(
			(request) => request.path === '/collection/v1_0/requesttopay',
		);
		// The trigger's Production URL carries the reference and its token in the path (MTN may drop
		// a query string): …/callback/<webhook id>/<product>/<referenceId>/token/<token>.
		expect(sent?.headers['x-callback-url']).toBe(
			`http://127.0.0.1:5678/webhook/momo/callback/momo/collection/${String(output.referenceId)}/token/${momoCallbackToken(sandbox().apiKey, 'collection', String(output.referenceId))}`,
		);
	});

	it('collection > getStatus: SUCCESSFUL with the financial transaction id once settled', async () => {
		const pay = await run({
			items: [{ externalId: 'order-2' }],
			nodes: [momoNode('Pay', requestToPayParameters())],
		});
		const referenceId = pay.json('Pay')[0].referenceId as string;
		await sleep(60);
		const result = await run({
			items: [{ referenceId }],
			nodes: [
				momoNode('Status', {
					resource: 'collection',
					operation: 'getStatus',
					referenceId: '={{ $json.referenceId }}',
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Status')[0]).toMatchObject({
			referenceId,
			status: 'SUCCESSFUL',
			finalStatus: true,
			reason: null,
			externalId: 'order-2',
		});
		expect(result.json('Status')[0].financialTransactionId).toEqual(expect.any(String));
	});

	it('collection > getBalance', async () => {
		sandbox().setBalance('collection', '250.75');
		const result = await run({
			nodes: [momoNode('Balance', { resource: 'collection', operation: 'getBalance' })],
		});
		expect(result.json('Balance')).toEqual([
			{ product: 'collection', availableBalance: '250.75', currency: 'EUR' },
		]);
	});

	it('collection > getBasicUserInfo', async () => {
		const result = await run({
			nodes: [
				momoNode('Info', {
					resource: 'collection',
					operation: 'getBasicUserInfo',
					msisdn: '+46733123459',
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Info')[0]).toMatchObject({
			msisdn: '46733123459',
			given_name: 'Sand',
			status: 'ACTIVE',
		});
	});

	it('collection > validateAccountHolder: active and not active', async () => {
		const result = await run({
			items: [{ msisdn: '46733123459' }, { msisdn: TEST_MSISDNS.notFound }],
			nodes: [
				momoNode('Active', {
					resource: 'collection',
					operation: 'validateAccountHolder',
					accountHolderIdType: 'msisdn',
					accountHolderId: '={{ $json.msisdn }}',
				}),
			],
		});
		expect(result.json('Active')).toEqual([
			{ accountHolderIdType: 'msisdn', accountHolderId: '46733123459', active: true },
			{ accountHolderIdType: 'msisdn', accountHolderId: TEST_MSISDNS.notFound, active: false },
		]);
	});

	it('sandbox > createApiUser, createApiKey, getApiUser; the new user then gets tokens', async () => {
		const created = await run({
			nodes: [
				momoNode('User', {
					resource: 'sandbox',
					operation: 'createApiUser',
					providerCallbackHost: 'https://127.0.0.1/path',
				}),
			],
			credentialOverrides: { apiUser: '', apiKey: '' },
		});
		expect(created.error).toBeUndefined();
		const { apiUser } = created.json('User')[0] as { apiUser: string };
		expect(created.json('User')[0]).toMatchObject({
			providerCallbackHost: '127.0.0.1',
			alreadyExisted: false,
		});
		expect(isUuidV4(apiUser)).toBe(true);

		const key = await run({
			items: [{ apiUser }],
			nodes: [
				momoNode('Key', {
					resource: 'sandbox',
					operation: 'createApiKey',
					apiUser: '={{ $json.apiUser }}',
				}),
			],
			credentialOverrides: { apiUser: '', apiKey: '' },
		});
		const { apiKey } = key.json('Key')[0] as { apiKey: string };
		expect(apiKey).toMatch(/^[0-9a-f]{32}$/);

		const user = await run({
			items: [{ apiUser }],
			nodes: [
				momoNode('Get', {
					resource: 'sandbox',
					operation: 'getApiUser',
					apiUser: '={{ $json.apiUser }}',
				}),
			],
			credentialOverrides: { apiUser: '', apiKey: '' },
		});
		expect(user.json('Get')[0]).toEqual({
			apiUser,
			providerCallbackHost: '127.0.0.1',
			targetEnvironment: 'sandbox',
		});

		const balance = await run({
			nodes: [momoNode('Balance', { resource: 'collection', operation: 'getBalance' })],
			credentialOverrides: { apiUser, apiKey },
		});
		expect(balance.error).toBeUndefined();
		expect(sandbox().stats.tokensIssued).toBeGreaterThan(0);
	});

	it('disbursement > transfer, getStatus and getBalance', async () => {
		const transfer = await run({
			items: [{ externalId: 'payout-1' }],
			nodes: [
				momoNode('Transfer', {
					resource: 'disbursement',
					operation: 'transfer',
					amount: '40',
					currency: 'EUR',
					externalId: '={{ $json.externalId }}',
					partyIdType: 'MSISDN',
					partyId: '46733123459',
				}),
			],
		});
		expect(transfer.error).toBeUndefined();
		const [output] = transfer.json('Transfer');
		expect(output).toMatchObject({
			product: 'disbursement',
			status: 'PENDING',
			amount: '40.00',
			payee: { partyId: '46733123459' },
		});
		expect(sandbox().payments('disbursement')).toHaveLength(1);

		await sleep(60);
		const status = await run({
			items: [{ referenceId: output.referenceId }],
			nodes: [
				momoNode('Status', {
					resource: 'disbursement',
					operation: 'getStatus',
					referenceId: '={{ $json.referenceId }}',
				}),
			],
		});
		expect(status.json('Status')[0]).toMatchObject({
			status: 'SUCCESSFUL',
			product: 'disbursement',
		});

		const balance = await run({
			nodes: [momoNode('Balance', { resource: 'disbursement', operation: 'getBalance' })],
		});
		expect(balance.json('Balance')[0]).toEqual({
			product: 'disbursement',
			availableBalance: '5000.00',
			currency: 'EUR',
		});
	});

	it('credential test: obtains a token, and fails on a wrong API key', async () => {
		const ok = await testCredential('mtnMomoApi', momoCredential(sandbox()).data);
		expect(ok).toMatchObject({ status: 'OK', statusCode: 200 });
		const bad = await testCredential(
			'mtnMomoApi',
			momoCredential(sandbox(), { apiKey: 'wrong-key-123' }).data,
		);
		expect(bad).toMatchObject({ status: 'Error', statusCode: 401 });
		expect(sandbox().stats.tokenRequests.collection).toBe(2);
	});
});
