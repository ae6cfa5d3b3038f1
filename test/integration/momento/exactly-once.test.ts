import { depositParameters, momentoNode, useMomentoSandbox } from './momento.fixture';

describe('Momento: a retried create never makes a second order', () => {
	const { sandbox, run } = useMomentoSandbox();

	it('a connection lost after Momento created the deposit is retried and reads the first order back', async () => {
		sandbox().injectFault({
			kind: 'drop-after-processing',
			method: 'POST',
			path: '/deposit_orders/',
		});
		const result = await run({ nodes: [momentoNode('Deposit', depositParameters())] });
		expect(result.error).toBeUndefined();
		const [order] = result.json('Deposit');
		expect(order).toMatchObject({ amount: '500.00', status: 'pending', replayed: true });
		expect(sandbox().stats).toMatchObject({ depositsCreated: 1, duplicateOrders: 1 });
		expect(sandbox().requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /deposit_orders/ 201',
			'POST /deposit_orders/ 409',
			'GET /deposit_orders/ 200',
		]);
		expect(sandbox().requests[1].body).toEqual(sandbox().requests[0].body);
	});

	it('running the same item again in the same execution (Retry On Fail) replays, not re-creates', async () => {
		const executionId = 'exec-momento-42';
		const first = await run({ executionId, nodes: [momentoNode('Deposit', depositParameters())] });
		const again = await run({ executionId, nodes: [momentoNode('Deposit', depositParameters())] });
		expect(again.json('Deposit')[0]).toMatchObject({
			orderID: first.json('Deposit')[0].orderID,
			replayed: true,
		});
		expect(sandbox().stats.depositsCreated).toBe(1);
	});

	it('a 500 is retried with the same orderID', async () => {
		sandbox().injectFault({ kind: 'status-500', method: 'POST', path: '/deposit_orders/' });
		const result = await run({ nodes: [momentoNode('Deposit', depositParameters())] });
		expect(result.json('Deposit')[0]).toMatchObject({ replayed: false });
		const posts = sandbox().requests.filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.status)).toEqual([500, 201]);
		expect(posts[0].body).toEqual(posts[1].body);
	});

	it('a new execution derives new orderIDs: two runs, two deposits', async () => {
		await run({ nodes: [momentoNode('Deposit', depositParameters())] });
		await run({ nodes: [momentoNode('Deposit', depositParameters())] });
		expect(sandbox().stats.depositsCreated).toBe(2);
	});

	it('reusing an orderID for a different amount is an error, not a silent replay', async () => {
		await run({
			nodes: [momentoNode('Deposit', depositParameters({ options: { orderId: 'INV-7' } }))],
		});
		const clash = await run({
			nodes: [
				momentoNode(
					'Deposit',
					depositParameters({ amount: '999.00', options: { orderId: 'INV-7' } }),
				),
			],
		});
		expect(clash.error?.message).toBe(
			'Momento already has a deposit order with orderID INV-7 for a different amount, currency or customer',
		);
		expect(clash.error?.description).toMatch(/Use a new Order ID/);
		expect(sandbox().deposits()).toEqual([expect.objectContaining({ amount: '500.00' })]);
	});

	it('a user created twice (by cédula) returns the existing user', async () => {
		const parameters = {
			resource: 'user',
			operation: 'create',
			email: 'luis@example.com',
			idNumber: '00100000001',
			firstName: 'Luis',
			lastName: 'Gómez',
		};
		await run({ nodes: [momentoNode('User', parameters)] });
		const again = await run({ nodes: [momentoNode('User', parameters)] });
		expect(again.json('User')[0]).toMatchObject({ first_name: 'Luis', replayed: true });
		expect(sandbox().stats.usersCreated).toBe(1);
	});
});
