import { randomUUID } from 'node:crypto';

import { badRequest, notFound, requireFields, validationError } from '../http';
import { listPage } from '../query';
import { created, ok, type RouteDef } from '../router';
import { SANDBOX_SECRETS } from '../state';
import { find, getRoute, listRoute, onlyFields } from './common';

const PHONE = /^\+[\d\s()-]{6,}$/;

function checkContact(body: Record<string, unknown>): void {
	onlyFields(body, ['name', 'email', 'phone']);
	if (body.phone !== undefined && !PHONE.test(String(body.phone))) {
		throw validationError([{ field: 'phone', message: 'must be a full international number' }]);
	}
}

const PROFILE_FIELDS = ['name', 'username', 'email', 'phone', 'country'];

const publicUser = (user: Record<string, unknown>) => ({
	uuid: user.uuid,
	username: user.username,
	name: user.name,
	country: user.country,
});

export const peopleRoutes: RouteDef[] = [
	listRoute('/v1/contacts', ({ state }) => state.contacts),
	getRoute('/v1/contacts/:uuid', ({ state }) => state.contacts),
	{
		method: 'POST',
		pattern: '/v1/contacts',
		handle({ state, body }) {
			if (body.user_uuid !== undefined) {
				onlyFields(body, ['user_uuid']);
				const user = state.user(String(body.user_uuid));
				if (!user) throw validationError([{ field: 'user_uuid', message: 'no such user' }]);
				const contact = {
					...state.stamp(),
					user_uuid: user.uuid,
					name: user.name,
					username: user.username,
					country: user.country,
					emails: [user.email],
					phones: [user.phone],
				};
				state.contacts.push(contact);
				return created(contact);
			}
			checkContact(body);
			requireFields(body, ['name', 'phone']);
			const contact = {
				...state.stamp(),
				user_uuid: null,
				name: body.name,
				username: null,
				country: null,
				emails: body.email ? [body.email] : [],
				phones: [body.phone],
			};
			state.contacts.push(contact);
			return created(contact);
		},
	},
	{
		method: 'PUT',
		pattern: '/v1/contacts/:uuid',
		handle({ state, params, body }) {
			const contact = find(state.contacts, params.uuid);
			checkContact(body);
			if (body.name !== undefined) contact.name = body.name;
			if (body.email !== undefined) contact.emails = [body.email];
			if (body.phone !== undefined) contact.phones = [body.phone];
			contact.updated_at = state.clock.next();
			return ok(contact);
		},
	},
	{
		method: 'DELETE',
		pattern: '/v1/contacts/:uuid',
		handle({ state, params }) {
			const contact = find(state.contacts, params.uuid);
			state.contacts = state.contacts.filter((entry) => entry !== contact);
			return { status: 204 };
		},
	},
	{ method: 'GET', pattern: '/v1/users/current', handle: ({ state }) => ok(state.me) },
	{
		method: 'PUT',
		pattern: '/v1/users/current',
		handle({ state, body }) {
			onlyFields(body, PROFILE_FIELDS);
			if (
				body.username !== undefined &&
				state.users.some((user) => user.username === body.username)
			) {
				throw validationError([{ field: 'username', message: 'is taken' }]);
			}
			Object.assign(state.me, body);
			return ok(state.me);
		},
	},
	{
		method: 'GET',
		pattern: '/v1/users/search',
		handle({ state, query }) {
			if (!query.query) throw validationError([{ field: 'query', message: 'is required' }]);
			const needle = query.query.toLowerCase();
			const hits = state.users.filter((user) =>
				[user.name, user.username, user.email, user.phone].some((value) =>
					value.toLowerCase().includes(needle),
				),
			);
			return ok(listPage(hits.map(publicUser), query));
		},
	},
	{
		method: 'GET',
		pattern: '/v1/users/:uuid',
		handle({ state, params }) {
			const user = state.user(params.uuid);
			if (!user) throw notFound();
			return ok({ ...publicUser(user), blocked: state.blocked.has(user.uuid) });
		},
	},
	...(['block', 'unblock'] as const).map(
		(action): RouteDef => ({
			method: 'POST',
			pattern: `/v1/users/:uuid/${action}`,
			handle({ state, params }) {
				const user = state.user(params.uuid);
				if (!user || user.uuid === state.me.uuid) throw notFound();
				if (action === 'block') state.blocked.add(user.uuid);
				else state.blocked.delete(user.uuid);
				return ok({ ...publicUser(user), blocked: action === 'block' });
			},
		}),
	),
	{
		method: 'POST',
		pattern: '/v1/users',
		auth: 'none',
		handle({ state, body }) {
			onlyFields(body, PROFILE_FIELDS);
			requireFields(body, ['name', 'phone']);
			if (!PHONE.test(String(body.phone)))
				throw validationError([{ field: 'phone', message: 'must be a full international number' }]);
			if ([state.me, ...state.users].some((user) => user.phone === body.phone)) {
				throw validationError([{ field: 'phone', message: 'is already registered' }]);
			}
			const user = {
				uuid: randomUUID(),
				username: String(body.username ?? ''),
				name: String(body.name),
				phone: String(body.phone),
				email: String(body.email ?? ''),
				country: String(body.country ?? ''),
			};
			state.users.push(user);
			return created(user);
		},
	},
	{ method: 'GET', pattern: '/v1/devices/current', handle: ({ state }) => ok(state.device) },
	{
		method: 'PUT',
		pattern: '/v1/devices/current',
		handle({ state, body }) {
			onlyFields(body, ['make', 'model', 'os_name', 'os_version', 'sdk_version', 'push_token']);
			Object.assign(state.device, body);
			return ok(state.device);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/verifications',
		handle({ state, body }) {
			onlyFields(body, ['type', 'value', 'secret', 'two_step']);
			requireFields(body, ['type', 'value']);
			if (!['email', 'phone'].includes(String(body.type)))
				throw validationError([{ field: 'type', message: 'must be email or phone' }]);
			const twoStep = body.two_step === true;
			if (!twoStep && body.secret === undefined)
				throw validationError([
					{ field: 'secret', message: 'is required for a single step verification' },
				]);
			if (!twoStep && body.secret !== SANDBOX_SECRETS.smsCode)
				throw validationError([{ field: 'secret', message: 'is incorrect' }]);
			const verification = {
				...state.stamp(),
				type: body.type,
				value: body.value,
				two_step: twoStep,
				status: twoStep ? 'pending' : 'verified',
			};
			state.verifications.push(verification);
			return created(verification);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/verifications/:uuid/secret',
		handle({ state, params, body }) {
			const verification = find(state.verifications, params.uuid);
			requireFields(body, ['secret']);
			if (verification.status !== 'pending')
				throw badRequest('not_pending', `The verification is ${String(verification.status)}`);
			if (body.secret !== SANDBOX_SECRETS.smsCode)
				throw validationError([{ field: 'secret', message: 'is incorrect' }]);
			verification.status = 'verified';
			return ok(verification);
		},
	},
	getRoute('/v1/verifications/:uuid', ({ state }) => state.verifications),
];
