import type { IDataObject } from 'n8n-workflow';

import { ME, OTHER_USERS } from '../../sandboxes/memento';
import { CARD_UUID, useMementoSandbox } from './memento.fixture';

const ANNA = OTHER_USERS[0].uuid;

describe('Memento Payments: requests', () => {
	const { sandbox, runOne } = useMementoSandbox();

	const received = () =>
		sandbox().state.requests.find((request) => request.description === 'Concert tickets')!;

	async function createRequest(): Promise<IDataObject> {
		const [created] = await runOne({
			resource: 'request',
			operation: 'create',
			description: 'Dinner',
			currency: 'GBP',
			participants: {
				participant: [
					{ userUuid: ANNA, amount: '20' },
					{ phone: '+44 7700 900777', name: 'Eve', amount: '15.5' },
				],
			},
		});
		return created;
	}

	/** Marks a participant of one of my requests as paid, as if they paid in the app. */
	function participantPays(request: IDataObject, index: number) {
		const stored = sandbox().state.requests.find((entry) => entry.uuid === request.uuid)!;
		const share = (stored.participants as IDataObject[])[index];
		Object.assign(share, { status: 'paid', paid_at: '2025-02-01T00:00:00.000000Z' });
		return share;
	}

	it('request:create sends the participants with decimal-string amounts', async () => {
		const created = await createRequest();
		expect(sandbox().requestsTo('POST', '/v1/requests')[0].body).toEqual({
			description: 'Dinner',
			currency: 'GBP',
			participants: [
				{ user_uuid: ANNA, amount: '20.00' },
				{ phone: '+44 7700 900777', name: 'Eve', amount: '15.50' },
			],
		});
		expect(created).toMatchObject({ status: 'open', owner_uuid: ME.uuid });
	});

	it('request:get, request:update and request:delete', async () => {
		const created = await createRequest();
		const [got] = await runOne({
			resource: 'request',
			operation: 'get',
			requestUuid: created.uuid as string,
		});
		expect(got.description).toBe('Dinner');
		const [updated] = await runOne({
			resource: 'request',
			operation: 'update',
			requestUuid: created.uuid as string,
			updateFields: { description: 'Dinner at 8' },
		});
		expect(updated.description).toBe('Dinner at 8');
		expect(sandbox().requestsTo('PUT', `/v1/requests/${created.uuid as string}`)[0].body).toEqual({
			description: 'Dinner at 8',
		});
		const [deleted] = await runOne({
			resource: 'request',
			operation: 'delete',
			requestUuid: created.uuid as string,
		});
		expect(deleted).toEqual({ deleted: true, path: `/v1/requests/${created.uuid as string}` });
		expect(sandbox().state.requests.some((entry) => entry.uuid === created.uuid)).toBe(false);
	});

	it('request:getMany filters by owner', async () => {
		await createRequest();
		const mine = await runOne({
			resource: 'request',
			operation: 'getMany',
			returnAll: true,
			owner: 'me',
		});
		expect(mine.map((entry) => entry.description)).toEqual(['Dinner']);
		expect(sandbox().requestsTo('GET', '/v1/requests')[0].query.filter).toBe('owner:eq:me');
		const others = await runOne({
			resource: 'request',
			operation: 'getMany',
			returnAll: true,
			owner: 'others',
		});
		expect(others.map((entry) => entry.description)).toEqual(['Concert tickets', 'Taxi home']);
	});

	it('request:remind, request:settleParticipant and request:cancelParticipant act on one participant', async () => {
		const created = await createRequest();
		const [anna, eve] = created.participants as IDataObject[];
		const base = { resource: 'request', requestUuid: created.uuid as string };
		const [reminded] = await runOne({
			...base,
			operation: 'remind',
			participantUuid: anna.uuid as string,
		});
		expect(reminded).toMatchObject({ uuid: anna.uuid, reminders: 1 });
		const [settled] = await runOne({
			...base,
			operation: 'settleParticipant',
			participantUuid: anna.uuid as string,
		});
		expect(settled.status).toBe('settled');
		const [cancelled] = await runOne({
			...base,
			operation: 'cancelParticipant',
			participantUuid: eve.uuid as string,
		});
		expect(cancelled.status).toBe('cancelled');
		expect(sandbox().requests.map((r) => `${r.method} ${r.path}`)).toEqual(
			expect.arrayContaining([
				`POST /v1/requests/${created.uuid as string}/participants/${anna.uuid as string}/remind`,
				`POST /v1/requests/${created.uuid as string}/participants/${anna.uuid as string}/settle`,
				`POST /v1/requests/${created.uuid as string}/participants/${eve.uuid as string}/cancel`,
			]),
		);
	});

	it('request:pay pays my share once with the PIN and a key, then request:getReceipt reads the receipt', async () => {
		const request = received();
		const [paid] = await runOne({
			resource: 'request',
			operation: 'pay',
			requestUuid: request.uuid as string,
			paymentSourceUuid: CARD_UUID,
		});
		expect((paid.participants as IDataObject[])[0].status).toBe('paid');
		expect(paid.idempotency).toMatchObject({ replayed: false });
		const [call] = sandbox().requestsTo('POST', `/v1/requests/${request.uuid as string}/pay`);
		expect(call.body).toEqual({ payment_source_uuid: CARD_UUID, pin: '1234' });
		expect(call.headers['idempotency-key']).toMatch(/^n8n-/);
		expect(JSON.stringify(paid)).not.toContain('1234');
		const [receipt] = await runOne({
			resource: 'request',
			operation: 'getReceipt',
			requestUuid: request.uuid as string,
		});
		expect(receipt).toMatchObject({ request_uuid: request.uuid, amount: '25.00' });
		expect(sandbox().stats.requestPayments).toBe(1);
	});

	it('request:reject declines my share', async () => {
		const request = received();
		const [rejected] = await runOne({
			resource: 'request',
			operation: 'reject',
			requestUuid: request.uuid as string,
		});
		expect((rejected.participants as IDataObject[])[0].status).toBe('rejected');
	});

	it('request:getParticipantReceipt reads the receipt of a participant who paid', async () => {
		const created = await createRequest();
		const share = participantPays(created, 0);
		const [receipt] = await runOne({
			resource: 'request',
			operation: 'getParticipantReceipt',
			requestUuid: created.uuid as string,
			participantUuid: share.uuid as string,
		});
		expect(receipt).toMatchObject({ participant_uuid: share.uuid, amount: '20.00' });
		expect(receipt.payment_method).toBeUndefined();
	});
});
