import { CARD_UUID, mementoNode, payParameters, useMementoSandbox } from './memento.fixture';

describe('Memento Payments: payments', () => {
	const { sandbox, run, runOne } = useMementoSandbox();

	it('payment:create sends the amount as a decimal string, the PIN and an Idempotency-Key; opens one session', async () => {
		const result = await run({
			items: [{}],
			nodes: [
				mementoNode('Memento', payParameters({ additionalFields: { description: 'Lunch' } })),
			],
		});
		expect(result.error).toBeUndefined();
		const [payment] = result.json('Memento');
		expect(payment).toMatchObject({
			amount: '12.50',
			currency: 'GBP',
			status: 'completed',
			description: 'Lunch',
			idempotency: { replayed: false },
		});
		const [request] = sandbox().requestsTo('POST', '/v1/payments');
		expect(request.body).toEqual({
			user_uuid: 'd6edcdba-f3f1-4249-96bc-bb977fde27fb',
			amount: '12.50',
			currency: 'GBP',
			payment_source_uuid: CARD_UUID,
			pin: '1234',
			description: 'Lunch',
		});
		expect(request.headers['idempotency-key']).toBe((payment.idempotency as { key: string }).key);
		expect(request.headers['x-project-id']).toBe(sandbox().projectId);
		expect(request.headers.authorization).toMatch(/^Bearer ses_/);
		expect(JSON.stringify(result.json('Memento'))).not.toContain('1234');
		expect(result.credentialsHelper.calls.preAuthentication).toBe(1);
		expect(sandbox().stats.sessionsCreated).toBe(1);
	});

	it('payment:create to a phone number sends phone and name', async () => {
		await runOne(
			payParameters({
				recipientType: 'phone',
				recipientPhone: '+44 7700 900123',
				recipientName: 'Eve',
				currency: '',
			}),
		);
		expect(sandbox().requestsTo('POST', '/v1/payments')[0].body).toMatchObject({
			phone: '+44 7700 900123',
			name: 'Eve',
			// Without a currency the amount goes as typed (at most 2 decimals), never rounded.
			amount: '12.5',
		});
	});

	it('payment:get and payment:getReceipt read one payment', async () => {
		const [created] = await runOne(payParameters());
		const [got] = await runOne({
			resource: 'payment',
			operation: 'get',
			paymentUuid: created.uuid as string,
		});
		expect(got.uuid).toBe(created.uuid);
		const [receipt] = await runOne({
			resource: 'payment',
			operation: 'getReceipt',
			paymentUuid: created.uuid as string,
		});
		expect(receipt).toMatchObject({
			payment_uuid: created.uuid,
			amount: '12.50',
			payment_method: CARD_UUID,
		});
	});

	it('payment:getMany with a limit asks for one page of that size', async () => {
		const payments = await runOne({
			resource: 'payment',
			operation: 'getMany',
			returnAll: false,
			limit: 7,
		});
		expect(payments).toHaveLength(7);
		expect(
			sandbox()
				.requestsTo('GET', '/v1/payments')
				.map((r) => r.query),
		).toEqual([{ page: '1', limit: '7' }]);
	});
});
