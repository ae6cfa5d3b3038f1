import { randomUUID } from 'node:crypto';

import { badRequest, checkAmount, notFound, requireFields, validationError } from '../http';
import { listPage, type Item } from '../query';
import { created, ok, type RouteContext, type RouteDef } from '../router';
import {
	authorizePayment,
	centsOf,
	find,
	fromCents,
	getRoute,
	listRoute,
	onlyFields,
	ownerOptions,
	readMoney,
	recordTransaction,
} from './common';

const POOL_FIELDS = [
	'name',
	'description',
	'currency',
	'amounts',
	'target_amount',
	'public',
	'ends_at',
	'image_uuid',
];

function checkPoolFields(body: Record<string, unknown>): void {
	onlyFields(body, POOL_FIELDS);
	if (body.amounts !== undefined) {
		if (!Array.isArray(body.amounts))
			throw validationError([{ field: 'amounts', message: 'must be an array' }]);
		body.amounts.forEach((amount, index) => checkAmount(amount, `amounts.${index}`));
	}
	if (body.target_amount !== undefined) checkAmount(body.target_amount, 'target_amount');
	if (body.public !== undefined && typeof body.public !== 'boolean') {
		throw validationError([{ field: 'public', message: 'must be true or false' }]);
	}
}

function ownPool({ state, params }: RouteContext): Item {
	const pool = find(state.pools, params.uuid);
	if (pool.owner_uuid !== state.me.uuid) throw notFound();
	return pool;
}

const participants = (pool: Item) => pool.participants as Item[];

export const poolRoutes: RouteDef[] = [
	listRoute(
		'/v1/pools',
		({ state }) => state.pools,
		({ state }) => ownerOptions(state),
	),
	getRoute('/v1/pools/:uuid', ({ state }) => state.pools),
	{
		method: 'POST',
		pattern: '/v1/pools',
		handle({ state, body }) {
			checkPoolFields(body);
			requireFields(body, ['name']);
			const pool = {
				...state.stamp(),
				owner_uuid: state.me.uuid,
				description: '',
				currency: 'GBP',
				amounts: [],
				public: false,
				...body,
				status: 'open',
				fulfillment_status: 'unfulfilled',
				total: '0.00',
				participants: [],
			};
			state.pools.push(pool);
			return created(pool);
		},
	},
	{
		method: 'PUT',
		pattern: '/v1/pools/:uuid',
		handle(context) {
			const pool = ownPool(context);
			checkPoolFields(context.body);
			// Anything defined is updated; amounts: [] removes them all, no amounts keeps them.
			Object.assign(pool, context.body, { updated_at: context.state.clock.next() });
			return ok(pool);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/pools/:uuid/close',
		handle(context) {
			const pool = ownPool(context);
			if (pool.status === 'closed') throw badRequest('pool_closed', 'The pool is already closed');
			Object.assign(pool, { status: 'closed', fulfillment_status: 'fulfilled' });
			return ok(pool);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/pools/:uuid/invite',
		handle(context) {
			const pool = ownPool(context);
			onlyFields(context.body, ['user_uuids']);
			const users = context.body.user_uuids;
			if (!Array.isArray(users) || users.length === 0) {
				throw validationError([{ field: 'user_uuids', message: 'needs at least one user' }]);
			}
			for (const [index, uuid] of users.entries()) {
				const user = context.state.user(String(uuid));
				if (!user)
					throw validationError([{ field: `user_uuids.${index}`, message: 'no such user' }]);
				if (participants(pool).some((entry) => entry.user_uuid === uuid)) continue;
				participants(pool).push({
					uuid: randomUUID(),
					user_uuid: uuid,
					name: user.name,
					status: 'invited',
					created_at: context.state.clock.next(),
				});
			}
			return ok(pool);
		},
	},
	{
		method: 'GET',
		pattern: '/v1/pools/:uuid/participants',
		handle: (context) =>
			ok(listPage(participants(find(context.state.pools, context.params.uuid)), context.query)),
	},
	{
		method: 'POST',
		pattern: '/v1/pools/:uuid/participants/export',
		handle(context) {
			const pool = ownPool(context);
			onlyFields(context.body, ['email']);
			requireFields(context.body, ['email']);
			if (!/^[^@\s]+@[^@\s]+$/.test(String(context.body.email))) {
				throw validationError([{ field: 'email', message: 'is not an email address' }]);
			}
			context.state.exports.push({ pool_uuid: pool.uuid, email: context.body.email });
			return {
				status: 202,
				body: { pool_uuid: pool.uuid, email: context.body.email, status: 'queued' },
			};
		},
	},
	{
		method: 'GET',
		pattern: '/v1/pools/:uuid/contributions',
		handle(context) {
			const pool = find(context.state.pools, context.params.uuid);
			return ok(
				listPage(
					context.state.contributions.filter((entry) => entry.pool_uuid === pool.uuid),
					context.query,
				),
			);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/pools/:uuid/contributions',
		handle(context) {
			const { state, body, headers, idempotency, params } = context;
			onlyFields(body, ['amount', 'currency', 'payment_source_uuid', 'pin', 'message']);
			return idempotency.run(
				headers['idempotency-key'],
				`POST /v1/pools/${params.uuid}/contributions`,
				body,
				() => {
					const pool = find(state.pools, params.uuid);
					if (pool.status !== 'open')
						throw badRequest('pool_closed', 'The pool does not take contributions any more');
					const source = authorizePayment(state, body);
					const money = readMoney(body, source);
					const contribution = {
						...state.stamp(),
						pool_uuid: pool.uuid,
						user_uuid: state.me.uuid,
						...money,
						message: body.message ?? null,
					};
					state.contributions.push(contribution);
					pool.total = fromCents(centsOf(String(pool.total)) + centsOf(money.amount));
					const mine = participants(pool).find((entry) => entry.user_uuid === state.me.uuid);
					if (mine) mine.status = 'contributed';
					else
						participants(pool).push({
							uuid: randomUUID(),
							user_uuid: state.me.uuid,
							name: state.me.name,
							status: 'contributed',
							created_at: contribution.created_at,
						});
					recordTransaction(state, source, money.amount, 'out');
					state.stats.contributions++;
					return created(contribution);
				},
				() => state.stats.replays++,
			);
		},
	},
];
