import {
	depositParameters,
	momentoNode,
	useMomentoSandbox,
	withdrawalParameters,
} from './momento.fixture';
import { momentoCallbackToken } from '../../../nodes/Momento/trigger/callback';

describe('Momento: every operation against the sandbox', () => {
	const { sandbox, run } = useMomentoSandbox();
	const signedWith = () => sandbox().requests.map((r) => r.signatureValid);

	it('bank: getOnboardingAccounts lists the accounts to pay deposits into', async () => {
		const result = await run({
			nodes: [momentoNode('Accounts', { resource: 'bank', operation: 'getOnboardingAccounts' })],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Accounts')).toEqual([
			expect.objectContaining({ bank_code: 'BPD', currency: 'DOP' }),
			expect.objectContaining({ bank_code: 'BRD', currency: 'USD' }),
		]);
		expect(sandbox().requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /onboarding_bank_accounts/',
		]);
		expect(signedWith()).toEqual([true]);
	});

	it('bank: getWithdrawalBanks lists the payout banks', async () => {
		const result = await run({
			nodes: [momentoNode('Banks', { resource: 'bank', operation: 'getWithdrawalBanks' })],
		});
		expect(result.json('Banks').map((bank) => bank.code)).toEqual(['BPD', 'BRD', 'BHD', 'SCO']);
		expect(signedWith()).toEqual([true]);
	});

	it('quote: getUsd returns the USD/DOP buy and sell prices as decimal strings', async () => {
		const result = await run({
			nodes: [momentoNode('Quotes', { resource: 'quote', operation: 'getUsd' })],
		});
		expect(result.json('Quotes')).toEqual([
			expect.objectContaining({ pair: 'USD/DOP', buy: '58.90', sell: '59.65' }),
		]);
	});

	it('user: create registers a customer (cédula written with dashes) and get reads it', async () => {
		const created = await run({
			nodes: [
				momentoNode('Create User', {
					resource: 'user',
					operation: 'create',
					email: 'ana@example.com',
					idNumber: '402-2345678-9',
					firstName: 'Ana',
					lastName: 'Núñez',
					additionalFields: { phone: '+1 809 555 0100' },
				}),
			],
		});
		expect(created.error).toBeUndefined();
		expect(created.json('Create User')).toEqual([
			expect.objectContaining({
				id_number: '40223456789',
				last_name: 'Núñez',
				phone: '+18095550100',
				replayed: false,
			}),
		]);
		const read = await run({
			nodes: [
				momentoNode('Get User', { resource: 'user', operation: 'get', idNumber: '40223456789' }),
			],
		});
		expect(read.json('Get User')).toEqual([
			expect.objectContaining({ email: 'ana@example.com', first_name: 'Ana' }),
		]);
		expect(sandbox().stats.usersCreated).toBe(1);
	});

	it('user: get of an unknown cédula is a Momento 404 with a hint', async () => {
		const result = await run({
			nodes: [
				momentoNode('Get User', { resource: 'user', operation: 'get', idNumber: '00100000009' }),
			],
		});
		expect(result.error?.message).toBe('Momento answered 404 NOT_FOUND: User not found.');
		expect(result.error?.description).toMatch(/Check the ID/);
	});

	it('deposit: create sends the documented body, amount as a JSON number literal, signed', async () => {
		const result = await run({
			nodes: [
				momentoNode(
					'Deposit',
					depositParameters({ callbackUrl: 'https://hooks.example.com/momento' }),
				),
			],
		});
		expect(result.error).toBeUndefined();
		const [order] = result.json('Deposit');
		expect(order).toMatchObject({
			amount: '500.00',
			currency: 'DOP',
			status: 'pending',
			replayed: false,
		});
		expect(String(order.orderID)).toMatch(/^n8n-[0-9a-f]{48}$/);
		const [request] = sandbox().requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/deposit_orders/',
			signatureValid: true,
		});
		expect(request.headers['content-type']).toBe('application/json');
		// The digits as typed, unquoted (the document's example sends "amount": 500).
		expect(request.rawBody.toString('utf8')).toMatch(/^\{"amount":500\.00,"orderID":/);
		expect(request.body).toEqual({
			amount: 500,
			orderID: order.orderID,
			currency: 'DOP',
			// The node adds the order's callback token (see the Momento Trigger).
			callback_url: `https://hooks.example.com/momento?token=${momentoCallbackToken(sandbox().secretKey, String(order.orderID))}`,
			request: { email: 'cliente@example.com', id_number: '00100000001' },
		});
	});

	it("deposit: create uses the credential's Default Callback URL when the node sets none", async () => {
		await run({
			nodes: [
				momentoNode(
					'Deposit',
					depositParameters({ callbackUrl: '', options: { orderId: 'INV-1001' } }),
				),
			],
			credentialOverrides: { callbackUrl: 'https://n8n.example.com/webhook/momento?token=abc' },
		});
		expect(sandbox().deposits()).toEqual([
			expect.objectContaining({
				orderID: 'INV-1001',
				callback_url: `https://n8n.example.com/webhook/momento?token=${momentoCallbackToken(sandbox().secretKey, 'INV-1001')}`,
			}),
		]);
	});

	it('deposit: getMany walks every page with Return All, and stops at Limit otherwise', async () => {
		const items = Array.from({ length: 130 }, (_, index) => ({ orderId: `ORD-${index}` }));
		const created = await run({
			items,
			nodes: [
				momentoNode('Deposit', depositParameters({ options: { orderId: '={{ $json.orderId }}' } })),
			],
		});
		expect(created.error).toBeUndefined();
		sandbox().requests.length = 0;

		const all = await run({
			nodes: [momentoNode('List', { resource: 'deposit', operation: 'getMany', returnAll: true })],
		});
		expect(all.json('List')).toHaveLength(130);
		expect(new Set(all.json('List').map((order) => order.orderID)).size).toBe(130);
		expect(sandbox().requests.map((r) => r.query.page)).toEqual(['1', '2']);

		const limited = await run({
			nodes: [
				momentoNode('List', {
					resource: 'deposit',
					operation: 'getMany',
					returnAll: false,
					limit: 3,
					filters: { orderId: 'ORD-7' },
				}),
			],
		});
		expect(limited.json('List')).toEqual([expect.objectContaining({ orderID: 'ORD-7' })]);
	});

	it('withdrawal: create sends the destination bank and account with the customer', async () => {
		const result = await run({ nodes: [momentoNode('Withdraw', withdrawalParameters())] });
		expect(result.error).toBeUndefined();
		expect(result.json('Withdraw')[0]).toMatchObject({ amount: '1250.50', status: 'pending' });
		expect(sandbox().requests[0].rawBody.toString()).toContain('"amount":1250.50,');
		expect(sandbox().requests[0].body).toMatchObject({
			amount: 1250.5,
			currency: 'DOP',
			request: {
				email: 'cliente@example.com',
				id_number: '00100000001',
				bank_code: 'BRD',
				account_number: '9601234567',
				account_type: 'savings',
			},
		});
		expect(sandbox().requests[0].signatureValid).toBe(true);
	});

	it('withdrawal: getMany filters by status', async () => {
		await run({
			items: [{ id: 'W-1' }, { id: 'W-2' }],
			nodes: [
				momentoNode('Withdraw', withdrawalParameters({ options: { orderId: '={{ $json.id }}' } })),
			],
		});
		await sandbox().setOrderStatus('withdrawal', 'W-2', 'completed');
		const result = await run({
			nodes: [
				momentoNode('List', {
					resource: 'withdrawal',
					operation: 'getMany',
					returnAll: true,
					filters: { status: 'completed' },
				}),
			],
		});
		expect(result.json('List').map((order) => order.orderID)).toEqual(['W-2']);
		expect(sandbox().requests.at(-1)?.query).toMatchObject({ status: 'completed' });
	});
});
