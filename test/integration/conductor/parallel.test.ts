import {
	conductorNode,
	createTransactionParameters,
	useConductorSandbox,
} from './conductor.fixture';

const items = (prefix: string, count: number) =>
	Array.from({ length: count }, (_, index) => ({ reference: `${prefix}-${index + 1}` }));

/** Items sent in parallel against a sandbox that answers after a delay, like a real provider. */
describe('Moment Conductor: parallel requests', () => {
	const { sandbox, run } = useConductorSandbox();
	const create = (batching: Record<string, unknown>, safety = {}, extra = {}) =>
		conductorNode(
			'Create',
			createTransactionParameters({
				batching,
				safety,
				billItems: {
					// za_dstv TVOD, ZAR 59.99
					bill: [{ id: 'bill_651574c0d016708b8b37b8ac', amount: '59.99', currency: 'ZAR' }],
				},
			}),
			extra,
		);

	beforeEach(() => {
		sandbox().traffic.latencyMs = 100;
	});
	afterEach(() => {
		sandbox().traffic.latencyMs = 0;
	});

	it('sends 16 at once by default, output in input order with its pairing, each paid once', async () => {
		const result = await run({ items: items('par', 20), nodes: [create({})] });
		expect(result.error).toBeUndefined();
		expect(sandbox().traffic.maxInFlight).toBe(16);
		const output = result.output('Create');
		expect(output.map((item) => item.json.external_reference)).toEqual(
			items('par', 20).map((item) => item.reference),
		);
		expect(output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 20 }, (_, index) => ({ item: index })),
		);
		expect(sandbox().stats.transactionsCreated).toBe(20);
	});

	it('Parallel Requests = 1 sends one after the other', async () => {
		const result = await run({ items: items('one', 4), nodes: [create({ parallelRequests: 1 })] });
		expect(result.error).toBeUndefined();
		expect(sandbox().traffic.maxInFlight).toBe(1);
	});

	it('50 items, 10 in flight, Maximum Money Moves = 7: exactly 7 moves, item 8 names the limit', async () => {
		const result = await run({
			items: items('cap', 50),
			nodes: [create({ parallelRequests: 10 }, { maxMovesPerExecution: 7 })],
		});
		expect(result.error?.message).toBe(
			'Spending limit reached: Maximum Money Moves per Execution is 7; 7 already sent in this execution [item 7]',
		);
		expect(sandbox().stats.transactionsCreated).toBe(7);
	});

	it('50 items, 10 in flight, a total per currency: it stops at the same item as one by one', async () => {
		// 7 x 59.99 = 419.93; the 8th would make 479.92.
		const result = await run({
			items: items('total', 50),
			nodes: [create({ parallelRequests: 10 }, { maxTotalPerExecution: 'ZAR 450.00' })],
		});
		expect(result.error?.message).toContain('Maximum Total per Execution for ZAR is 450.00');
		expect(result.error?.message).toContain('[item 7]');
		expect(sandbox().stats.transactionsCreated).toBe(7);
	});

	it('a refusal in flight frees its share: the limit is decided when the moves in flight settle', async () => {
		// Item 1's reference is refused by Conductor (already used by another node): with a limit of
		// 2 moves, item 2 still goes through, as it would one by one.
		const other = conductorNode('Other', createTransactionParameters(), { id: 'another-node' });
		sandbox().traffic.latencyMs = 0;
		await run({ items: [{ reference: 'taken-par' }], nodes: [other] });
		sandbox().traffic.latencyMs = 100;
		const result = await run({
			items: [{ reference: 'free-1' }, { reference: 'taken-par' }, { reference: 'free-2' }],
			nodes: [
				create({ parallelRequests: 3 }, { maxMovesPerExecution: 2 }, { continueOnFail: true }),
			],
		});
		const outputs = result.json('Create');
		expect(outputs[1].error).toMatch(/INVALID_EXTERNAL_REFERENCE/);
		expect(outputs[2]).toMatchObject({ external_reference: 'free-2' });
		expect(sandbox().stats.transactionsCreated).toBe(3);
	});

	it('with Continue On Fail a failing item does not stop the others in flight', async () => {
		sandbox().injectFault({
			kind: 'status-503',
			method: 'POST',
			path: '/transactions',
			times: 4,
			when: (request) =>
				(request.body as { external_reference?: string }).external_reference === 'cof-3',
		});
		const result = await run({
			items: items('cof', 10),
			nodes: [create({ parallelRequests: 5 }, {}, { continueOnFail: true })],
		});
		const outputs = result.json('Create');
		expect(outputs).toHaveLength(10);
		expect(outputs[2].error).toMatch(/503/);
		expect(outputs.filter((item) => item.error === undefined)).toHaveLength(9);
		expect(sandbox().stats.transactionsCreated).toBe(9);
	});

	it('on 429 the whole node slows down and waits out Retry-After: none lost, none sent twice', async () => {
		// Every POST after the first is answered 429 six times in a row: the items then in flight.
		let posts = 0;
		sandbox().injectFault({
			kind: 'status-429',
			method: 'POST',
			path: '/transactions',
			times: 6,
			retryAfterSeconds: 1,
			when: () => ++posts > 1,
		});
		const result = await run({
			items: items('busy', 20),
			nodes: [create({ parallelRequests: 5 })],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Create').map((item) => item.external_reference)).toEqual(
			items('busy', 20).map((item) => item.reference),
		);
		expect(sandbox().stats.transactionsCreated).toBe(20);
		const created = sandbox().transactions() as Array<{ external_reference: string }>;
		expect(new Set(created.map((t) => t.external_reference)).size).toBe(20);
		// Every request after the 429s waited for the pause: no POST answered 429 more than 6 times.
		const sent = sandbox().requests.filter((r) => r.method === 'POST');
		expect(sent.length).toBe(26);
	});
});
