import { ME, OTHER_USERS } from '../../sandboxes/memento';
import { useMementoSandbox } from './memento.fixture';

describe('Memento Payments: contacts, users and devices', () => {
	const { sandbox, runOne } = useMementoSandbox();

	it('contact:create from a user, and from name + phone + email', async () => {
		const [fromUser] = await runOne({
			resource: 'contact',
			operation: 'create',
			createFrom: 'user',
			userUuid: OTHER_USERS[2].uuid,
		});
		expect(fromUser).toMatchObject({ user_uuid: OTHER_USERS[2].uuid, name: 'Carla Jones' });
		const [fromDetails] = await runOne({
			resource: 'contact',
			operation: 'create',
			createFrom: 'details',
			name: 'Jane Dough',
			phone: '+44 123 4567 8901',
			email: 'jane@example.com',
		});
		expect(fromDetails).toMatchObject({ name: 'Jane Dough', phones: ['+44 123 4567 8901'] });
		expect(
			sandbox()
				.requestsTo('POST', '/v1/contacts')
				.map((r) => r.body),
		).toEqual([
			{ user_uuid: OTHER_USERS[2].uuid },
			{ name: 'Jane Dough', email: 'jane@example.com', phone: '+44 123 4567 8901' },
		]);
	});

	it('contact:getMany, contact:get, contact:update and contact:delete', async () => {
		const contacts = await runOne({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(contacts.map((entry) => entry.name)).toEqual(['Anna Dough', 'Ben Smith', 'Dora Nobody']);
		const uuid = contacts[2].uuid as string;
		const [got] = await runOne({ resource: 'contact', operation: 'get', contactUuid: uuid });
		expect(got.name).toBe('Dora Nobody');
		const [updated] = await runOne({
			resource: 'contact',
			operation: 'update',
			contactUuid: uuid,
			updateFields: { name: 'Dora Somebody' },
		});
		expect(updated.name).toBe('Dora Somebody');
		expect(sandbox().requestsTo('PUT', `/v1/contacts/${uuid}`)[0].body).toEqual({
			name: 'Dora Somebody',
		});
		const [deleted] = await runOne({ resource: 'contact', operation: 'delete', contactUuid: uuid });
		expect(deleted.deleted).toBe(true);
		expect(sandbox().state.contacts).toHaveLength(2);
	});

	it('user:getCurrent, user:get and user:updateCurrent', async () => {
		const [me] = await runOne({ resource: 'user', operation: 'getCurrent' });
		expect(me.uuid).toBe(ME.uuid);
		const [anna] = await runOne({
			resource: 'user',
			operation: 'get',
			userUuid: OTHER_USERS[0].uuid,
		});
		expect(anna).toMatchObject({ username: 'annadough', blocked: false });
		const [updated] = await runOne({
			resource: 'user',
			operation: 'updateCurrent',
			updateFields: { name: 'Jonathan Dough', country: 'is' },
		});
		expect(updated).toMatchObject({ name: 'Jonathan Dough', country: 'IS' });
		expect(sandbox().requestsTo('PUT', '/v1/users/current')[0].body).toEqual({
			name: 'Jonathan Dough',
			country: 'IS',
		});
	});

	it('user:block and user:unblock', async () => {
		const [blocked] = await runOne({
			resource: 'user',
			operation: 'block',
			userUuid: OTHER_USERS[1].uuid,
		});
		expect(blocked.blocked).toBe(true);
		expect(sandbox().state.blocked.has(OTHER_USERS[1].uuid)).toBe(true);
		const [unblocked] = await runOne({
			resource: 'user',
			operation: 'unblock',
			userUuid: OTHER_USERS[1].uuid,
		});
		expect(unblocked.blocked).toBe(false);
	});

	it('user:search sends the query and pages', async () => {
		const users = await runOne({
			resource: 'user',
			operation: 'search',
			query: 'dough',
			returnAll: true,
		});
		expect(users.map((entry) => entry.username)).toEqual(['annadough']);
		expect(sandbox().requestsTo('GET', '/v1/users/search')[0].query).toEqual({
			query: 'dough',
			page: '1',
			limit: '100',
		});
	});

	it('user:signup needs no session', async () => {
		const [user] = await runOne({
			resource: 'user',
			operation: 'signup',
			phone: '+44 7700 900555',
			name: 'New Person',
			additionalFields: { email: 'new@example.com' },
		});
		expect(user).toMatchObject({ name: 'New Person', phone: '+44 7700 900555' });
		const [call] = sandbox().requestsTo('POST', '/v1/users');
		expect(call.headers.authorization).toBeUndefined();
		expect(call.headers['x-project-id']).toBe(sandbox().projectId);
		expect(sandbox().stats.sessionsCreated).toBe(0);
	});

	it('device:getCurrent and device:updateCurrent', async () => {
		const [device] = await runOne({ resource: 'device', operation: 'getCurrent' });
		expect(device.make).toBe('n8n');
		const [updated] = await runOne({
			resource: 'device',
			operation: 'updateCurrent',
			updateFields: { osVersion: '7', pushToken: 'push-abc' },
		});
		expect(updated).toMatchObject({ os_version: '7', push_token: 'push-abc' });
		expect(sandbox().requestsTo('PUT', '/v1/devices/current')[0].body).toEqual({
			os_version: '7',
			push_token: 'push-abc',
		});
	});

	it('verification:singleStep, verification:twoStep (start, confirm) and verification:getStatus', async () => {
		const [single] = await runOne({
			resource: 'verification',
			operation: 'singleStep',
			verificationType: 'email',
			verificationValue: 'jon@example.com',
			secret: '111111',
		});
		expect(single.status).toBe('verified');
		const [started] = await runOne({
			resource: 'verification',
			operation: 'twoStep',
			step: 'start',
			verificationType: 'phone',
			verificationValue: '+44 7700 900001',
		});
		expect(started.status).toBe('pending');
		const [confirmed] = await runOne({
			resource: 'verification',
			operation: 'twoStep',
			step: 'confirm',
			verificationUuid: started.uuid as string,
			secret: '111111',
		});
		expect(confirmed.status).toBe('verified');
		const [status] = await runOne({
			resource: 'verification',
			operation: 'getStatus',
			verificationUuid: started.uuid as string,
		});
		expect(status.status).toBe('verified');
		expect(
			sandbox().requestsTo('POST', `/v1/verifications/${started.uuid as string}/secret`)[0].body,
		).toEqual({ secret: '111111' });
	});
});
