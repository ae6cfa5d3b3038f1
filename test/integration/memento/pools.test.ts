import type { IDataObject } from 'n8n-workflow';

import { OTHER_USERS } from '../../sandboxes/memento';
import { CARD_UUID, useMementoSandbox } from './memento.fixture';

describe('Memento Payments: money pools', () => {
	const { sandbox, runOne } = useMementoSandbox();

	async function createPool(): Promise<IDataObject> {
		const [pool] = await runOne({
			resource: 'pool',
			operation: 'create',
			name: 'Leaving gift',
			currency: 'GBP',
			additionalFields: {
				amounts: '5, 10.5',
				targetAmount: '200',
				isPublic: true,
				description: 'For Ben',
			},
		});
		return pool;
	}

	it('pool:create sends name, currency, decimal-string amounts and details', async () => {
		const pool = await createPool();
		expect(sandbox().requestsTo('POST', '/v1/pools')[0].body).toEqual({
			name: 'Leaving gift',
			currency: 'GBP',
			description: 'For Ben',
			public: true,
			target_amount: '200.00',
			amounts: ['5.00', '10.50'],
		});
		expect(pool).toMatchObject({ status: 'open', amounts: ['5.00', '10.50'] });
	});

	it('pool:get and pool:getMany (owner filter)', async () => {
		const pool = await createPool();
		const [got] = await runOne({
			resource: 'pool',
			operation: 'get',
			poolUuid: pool.uuid as string,
		});
		expect(got.name).toBe('Leaving gift');
		const mine = await runOne({
			resource: 'pool',
			operation: 'getMany',
			returnAll: true,
			owner: 'me',
		});
		expect(mine.map((entry) => entry.name)).toEqual(['Office gift', 'Leaving gift']);
	});

	it('pool:update keeps amounts unless told, and can remove them all', async () => {
		const pool = await createPool();
		const uuid = pool.uuid as string;
		const [renamed] = await runOne({
			resource: 'pool',
			operation: 'update',
			poolUuid: uuid,
			updateFields: { name: 'Gift' },
		});
		expect(renamed).toMatchObject({ name: 'Gift', amounts: ['5.00', '10.50'] });
		const [cleared] = await runOne({
			resource: 'pool',
			operation: 'update',
			poolUuid: uuid,
			amountsMode: 'clear',
		});
		expect(cleared.amounts).toEqual([]);
		expect(
			sandbox()
				.requestsTo('PUT', `/v1/pools/${uuid}`)
				.map((r) => r.body),
		).toEqual([{ name: 'Gift' }, { amounts: [] }]);
	});

	it('pool:invite, pool:getParticipants and pool:exportParticipants', async () => {
		const pool = await createPool();
		const uuid = pool.uuid as string;
		await runOne({
			resource: 'pool',
			operation: 'invite',
			poolUuid: uuid,
			userUuids: `${OTHER_USERS[0].uuid}, ${OTHER_USERS[2].uuid}`,
		});
		expect(sandbox().requestsTo('POST', `/v1/pools/${uuid}/invite`)[0].body).toEqual({
			user_uuids: [OTHER_USERS[0].uuid, OTHER_USERS[2].uuid],
		});
		const participants = await runOne({
			resource: 'pool',
			operation: 'getParticipants',
			poolUuid: uuid,
			returnAll: true,
		});
		expect(participants.map((entry) => [entry.name, entry.status])).toEqual([
			['Anna Dough', 'invited'],
			['Carla Jones', 'invited'],
		]);
		const [exported] = await runOne({
			resource: 'pool',
			operation: 'exportParticipants',
			poolUuid: uuid,
			email: 'me@example.com',
		});
		expect(exported.status).toBe('queued');
		expect(sandbox().state.exports).toEqual([{ pool_uuid: uuid, email: 'me@example.com' }]);
	});

	it('pool:contribute pays in once with the PIN and a key; pool:close then stops contributions', async () => {
		const pool = await createPool();
		const uuid = pool.uuid as string;
		const [contribution] = await runOne({
			resource: 'pool',
			operation: 'contribute',
			poolUuid: uuid,
			amount: '10.5',
			currency: 'GBP',
			paymentSourceUuid: CARD_UUID,
			additionalFields: { message: 'Enjoy' },
		});
		expect(contribution).toMatchObject({
			amount: '10.50',
			currency: 'GBP',
			message: 'Enjoy',
			idempotency: { replayed: false },
		});
		const [call] = sandbox().requestsTo('POST', `/v1/pools/${uuid}/contributions`);
		expect(call.body).toEqual({
			amount: '10.50',
			currency: 'GBP',
			payment_source_uuid: CARD_UUID,
			pin: '1234',
			message: 'Enjoy',
		});
		expect(call.headers['idempotency-key']).toBe((contribution.idempotency as IDataObject).key);
		expect(sandbox().state.pools.find((entry) => entry.uuid === uuid)!.total).toBe('10.50');
		const [closed] = await runOne({ resource: 'pool', operation: 'close', poolUuid: uuid });
		expect(closed).toMatchObject({ status: 'closed', fulfillment_status: 'fulfilled' });
	});
});
