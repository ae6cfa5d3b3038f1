import type { IDataObject } from 'n8n-workflow';

import { runPoll } from '../../harness/run-trigger';
import { newCredentialsHelper } from '../../harness/run-workflow';
import { startMementoSandbox, type MementoSandbox } from '../../sandboxes/memento';
import { CARD_UUID, CREDENTIAL_ID, mementoCredential } from './memento.fixture';

describe('Memento Payments Trigger (polling)', () => {
	let sandbox: MementoSandbox;
	beforeAll(async () => {
		sandbox = await startMementoSandbox();
	});
	afterEach(() => sandbox.reset());
	afterAll(async () => await sandbox.close());

	function triggerNode(parameters: IDataObject = { event: 'payment' }) {
		return {
			name: 'Trigger',
			type: 'mementoPaymentsTrigger',
			parameters,
			credentials: { mementoPaymentsApi: CREDENTIAL_ID },
		};
	}

	function newPayment(description: string): IDataObject {
		const payment = {
			...sandbox.state.stamp(),
			owner_uuid: sandbox.state.me.uuid,
			amount: '1.00',
			currency: 'GBP',
			status: 'completed',
			description,
		};
		sandbox.state.payments.push(payment);
		return payment;
	}

	/** Polls like an active workflow: one static data object and one credential store throughout. */
	function poller(parameters?: IDataObject) {
		const staticData: IDataObject = {};
		const credentialsHelper = newCredentialsHelper([mementoCredential(sandbox)]);
		return async (mode: 'trigger' | 'manual' = 'trigger') => {
			const { items } = await runPoll({
				node: triggerNode(parameters),
				credentialsHelper,
				staticData,
				mode,
			});
			return { items: items ? items[0].map((item) => item.json) : null, staticData };
		};
	}

	it('the first poll only remembers where the list ends; later polls emit new items once, oldest first', async () => {
		const poll = poller();
		expect((await poll()).items).toBeNull();
		const [latestQuery] = sandbox.requestsTo('GET', '/v1/payments').map((r) => r.query);
		expect(latestQuery).toEqual({ sort: 'created_at:desc', page: '1', limit: '1' });

		newPayment('a');
		newPayment('b');
		const second = await poll();
		expect(second.items?.map((item) => item.description)).toEqual(['a', 'b']);
		const cursorQuery = sandbox.requestsTo('GET', '/v1/payments').at(-1)!.query;
		expect(cursorQuery.filter).toMatch(/^created_at:gte:2025-01-01T\d\d:\d\d:\d\d\.\d+Z$/);
		expect(cursorQuery.sort).toBe('created_at:asc,uuid:asc');

		expect((await poll()).items).toBeNull();
		newPayment('c');
		expect((await poll()).items?.map((item) => item.description)).toEqual(['c']);
	});

	it('items sharing a timestamp are each emitted once, also when one arrives after the poll', async () => {
		const poll = poller();
		await poll();
		sandbox.state.clock.freeze();
		newPayment('same-1');
		newPayment('same-2');
		expect((await poll()).items?.map((item) => item.description)).toEqual(
			['same-1', 'same-2'].sort((a, b) =>
				(sandbox.state.payments.find((p) => p.description === a)!.uuid as string).localeCompare(
					sandbox.state.payments.find((p) => p.description === b)!.uuid as string,
				),
			),
		);
		newPayment('same-3');
		// created_at:gt:<last seen> would lose this one: it has the very timestamp the cursor holds.
		expect((await poll()).items?.map((item) => item.description)).toEqual(['same-3']);
		expect((await poll()).items).toBeNull();
	});

	it('three polls with items arriving in between, across pages: no duplicates, no gaps', async () => {
		const poll = poller();
		await poll();
		const created: string[] = [];
		const seen: string[] = [];
		for (const batch of [150, 3, 120]) {
			for (let index = 0; index < batch; index++)
				created.push(newPayment(`p${created.length}`).uuid as string);
			const { items } = await poll();
			seen.push(...(items ?? []).map((item) => item.uuid as string));
		}
		expect(seen).toEqual(created);
		expect(new Set(seen).size).toBe(273);
		const pages = sandbox.requestsTo('GET', '/v1/payments').map((r) => r.query.page);
		expect(pages.filter((page) => page === '2').length).toBeGreaterThanOrEqual(2);
	});

	it('manual mode returns the newest item as a sample and leaves the cursor alone', async () => {
		const poll = poller();
		await poll();
		const before = JSON.stringify((await poll()).staticData);
		const newest = newPayment('newest');
		const sample = await poll('manual');
		expect(sample.items).toEqual([expect.objectContaining({ uuid: newest.uuid })]);
		expect(JSON.stringify(sample.staticData)).toBe(before);
		expect((await poll()).items?.map((item) => item.uuid)).toEqual([newest.uuid]);
	});

	it('new pool contributions of one pool, and the owner filter for received payments', async () => {
		const pool = sandbox.state.pools[0];
		const poll = poller({ event: 'poolContribution', poolUuid: pool.uuid as string });
		await poll();
		sandbox.state.contributions.push({
			...sandbox.state.stamp(),
			pool_uuid: pool.uuid,
			amount: '5.00',
			currency: 'GBP',
			payment_source_uuid: CARD_UUID,
		});
		sandbox.state.contributions.push({
			...sandbox.state.stamp(),
			pool_uuid: sandbox.state.pools[1].uuid,
			amount: '7.00',
			currency: 'GBP',
		});
		expect((await poll()).items?.map((item) => item.amount)).toEqual(['5.00']);
		expect(sandbox.requests.at(-1)!.path).toBe(`/v1/pools/${pool.uuid as string}/contributions`);

		const received = poller({ event: 'payment', owner: 'others' });
		await received();
		newPayment('sent by me');
		sandbox.state.payments.push({
			...sandbox.state.stamp(),
			owner_uuid: 'someone-else',
			amount: '3.00',
			currency: 'GBP',
			description: 'received',
		});
		expect((await received()).items?.map((item) => item.description)).toEqual(['received']);
		expect(sandbox.requests.at(-1)!.query.filter).toMatch(/^owner:eq:others,created_at:gte:/);
	});

	it('one session serves many polls', async () => {
		const poll = poller({ event: 'notification' });
		await poll();
		await poll();
		await poll();
		expect(sandbox.stats.sessionsCreated).toBe(1);
	});
});

describe('Memento Payments Trigger on a Memento that reads filter values without colons', () => {
	let sandbox: MementoSandbox;
	beforeAll(async () => {
		sandbox = await startMementoSandbox({ strictFilterSyntax: true });
	});
	afterAll(async () => await sandbox.close());

	it('falls back to a date-only created_at filter, then keeps using it, with no duplicate and no gap', async () => {
		const staticData: IDataObject = {};
		const credentialsHelper = newCredentialsHelper([mementoCredential(sandbox)]);
		const poll = async () => {
			const { items } = await runPoll({
				node: {
					name: 'Trigger',
					type: 'mementoPaymentsTrigger',
					parameters: { event: 'payment' },
					credentials: { mementoPaymentsApi: CREDENTIAL_ID },
				},
				credentialsHelper,
				staticData,
				mode: 'trigger',
			});
			return items ? items[0].map((item) => item.json.description) : null;
		};
		const add = (description: string) =>
			sandbox.state.payments.push({
				...sandbox.state.stamp(),
				owner_uuid: sandbox.state.me.uuid,
				amount: '1.00',
				currency: 'GBP',
				status: 'completed',
				description,
			});
		expect(await poll()).toBeNull();
		add('a');
		add('b');
		expect(await poll()).toEqual(['a', 'b']);
		const queries = sandbox
			.requestsTo('GET', '/v1/payments')
			.map((r) => [r.query.filter, r.status]);
		// The timestamp form was refused once (422), then the date form was used.
		const refusedAt = queries.findIndex((query) => query[1] === 422);
		expect(queries[refusedAt][0]).toMatch(/^created_at:gte:\d{4}-\d\d-\d\dT/);
		expect(queries[refusedAt + 1]).toEqual([
			expect.stringMatching(/^created_at:gte:\d{4}-\d\d-\d\d$/),
			200,
		]);
		expect(await poll()).toBeNull();
		add('c');
		expect(await poll()).toEqual(['c']);
		const refused = sandbox.requestsTo('GET', '/v1/payments').filter((r) => r.status === 422);
		expect(refused).toHaveLength(1);
	});
});
