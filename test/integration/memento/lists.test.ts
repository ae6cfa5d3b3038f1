import { mementoNode, useMementoSandbox } from './memento.fixture';

describe('Memento Payments: Return All, Limit, filters and sort', () => {
	const { sandbox, run, runOne } = useMementoSandbox();

	it('Return All walks page/limit over 260 payments and returns each exactly once', async () => {
		const payments = await runOne({ resource: 'payment', operation: 'getMany', returnAll: true });
		expect(payments).toHaveLength(260);
		expect(new Set(payments.map((payment) => payment.uuid)).size).toBe(260);
		expect(
			sandbox()
				.requestsTo('GET', '/v1/payments')
				.map((r) => r.query),
		).toEqual([
			{ page: '1', limit: '100' },
			{ page: '2', limit: '100' },
			{ page: '3', limit: '100' },
		]);
	});

	it('a Limit above one page stops as soon as it has enough', async () => {
		const payments = await runOne({ resource: 'payment', operation: 'getMany', limit: 150 });
		expect(payments).toHaveLength(150);
		expect(sandbox().requestsTo('GET', '/v1/payments')).toHaveLength(2);
	});

	it('filters (several, "in" with a list, dates with colons) and sort build the documented query', async () => {
		const payments = await runOne({
			resource: 'payment',
			operation: 'getMany',
			returnAll: true,
			owner: 'others',
			filters: {
				condition: [
					{ field: 'status', operator: 'in', value: 'pending, completed' },
					{ field: 'created_at', operator: 'lt', value: '2025-01-01T00:02:00Z' },
					{ field: 'description', operator: 'like', value: 'payment' },
				],
			},
			sort: {
				rule: [
					{ field: 'amount', direction: 'desc' },
					{ field: 'created_at', direction: 'asc' },
				],
			},
		});
		const [query] = sandbox()
			.requestsTo('GET', '/v1/payments')
			.map((r) => r.query);
		expect(query).toEqual({
			filter:
				'owner:eq:others,status:in:[pending,completed],created_at:lt:2025-01-01T00:02:00Z,description:like:payment',
			sort: 'amount:desc,created_at:asc',
			page: '1',
			limit: '100',
		});
		expect(payments.length).toBeGreaterThan(0);
		const amounts = payments.map((payment) => Number(payment.amount));
		expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
		for (const payment of payments) {
			expect(payment.owner_uuid).not.toBe(sandbox().state.me.uuid);
			expect(String(payment.created_at) < '2025-01-01T00:02:00').toBe(true);
		}
	});

	it('a filter value with a comma is refused before any request', async () => {
		const result = await run({
			nodes: [
				mementoNode('Memento', {
					resource: 'payment',
					operation: 'getMany',
					filters: { condition: [{ field: 'description', operator: 'eq', value: 'a,b' }] },
				}),
			],
		});
		expect(result.error?.message).toMatch(/Filter 1 Value cannot contain a comma/);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a field Memento cannot filter on comes back as a 422 with the field details', async () => {
		const result = await run({
			nodes: [
				mementoNode('Memento', {
					resource: 'payment',
					operation: 'getMany',
					filters: { condition: [{ field: 'colour', operator: 'eq', value: 'red' }] },
				}),
			],
		});
		expect(result.error?.message).toMatch(
			/422 VALIDATION_ERROR: Validation failed; filter: cannot filter or sort on "colour"/,
		);
		expect(result.error?.description).toMatch(/Fix the fields/);
	});
});
