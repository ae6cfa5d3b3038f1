import { randomUUID } from 'node:crypto';

import { badRequest, checkAmount, notFound, requireFields, validationError } from '../http';
import type { Item } from '../query';
import { created, ok, type RouteContext, type RouteDef } from '../router';
import {
	authorizePayment,
	find,
	getRoute,
	listRoute,
	onlyFields,
	ownerOptions,
	recordTransaction,
} from './common';

export const MAX_REMINDERS = 3;

type Participant = Record<string, unknown> & { uuid: string; status: string; reminders: number };

const participantsOf = (request: Item) => request.participants as Participant[];

function ownRequest({ state, params }: RouteContext): Item {
	const request = find(state.requests, params.uuid);
	if (request.owner_uuid !== state.me.uuid) throw notFound();
	return request;
}

function participant(request: Item, uuid: string): Participant {
	const found = participantsOf(request).find((entry) => entry.uuid === uuid);
	if (!found) throw notFound();
	return found;
}

/** The current user's share of a request they received. */
function myShare({ state, params }: RouteContext): { request: Item; share: Participant } {
	const request = find(state.requests, params.uuid);
	const share = participantsOf(request).find((entry) => entry.user_uuid === state.me.uuid);
	if (!share) throw notFound();
	return { request, share };
}

function ownerAction(action: string, apply: (share: Participant) => void): RouteDef {
	return {
		method: 'POST',
		pattern: `/v1/requests/:uuid/participants/:participant/${action}`,
		handle(context) {
			const share = participant(ownRequest(context), context.params.participant);
			apply(share);
			return ok(share);
		},
	};
}

export const requestRoutes: RouteDef[] = [
	listRoute(
		'/v1/requests',
		({ state }) => state.requests,
		({ state }) => ownerOptions(state),
	),
	getRoute('/v1/requests/:uuid', ({ state }) => state.requests),
	{
		method: 'POST',
		pattern: '/v1/requests',
		handle({ state, body }) {
			onlyFields(body, ['description', 'currency', 'participants', 'image_uuid']);
			requireFields(body, ['description', 'participants']);
			const entries = body.participants;
			if (!Array.isArray(entries) || entries.length === 0) {
				throw validationError([
					{ field: 'participants', message: 'needs at least one participant' },
				]);
			}
			const participants = entries.map((entry: Record<string, unknown>, index) => {
				if ((entry.user_uuid === undefined) === (entry.phone === undefined)) {
					throw validationError([
						{ field: `participants.${index}`, message: 'needs user_uuid or phone' },
					]);
				}
				if (entry.user_uuid !== undefined && !state.user(String(entry.user_uuid))) {
					throw validationError([
						{ field: `participants.${index}.user_uuid`, message: 'no such user' },
					]);
				}
				return {
					uuid: randomUUID(),
					user_uuid: entry.user_uuid ?? null,
					phone: entry.phone ?? null,
					name: entry.name ?? null,
					amount: checkAmount(entry.amount, `participants.${index}.amount`),
					status: 'pending',
					reminders: 0,
				};
			});
			const request = {
				...state.stamp(),
				owner_uuid: state.me.uuid,
				description: body.description,
				currency: body.currency ?? 'GBP',
				status: 'open',
				image_uuid: body.image_uuid ?? null,
				participants,
			};
			state.requests.push(request);
			return created(request);
		},
	},
	{
		method: 'PUT',
		pattern: '/v1/requests/:uuid',
		handle(context) {
			const request = ownRequest(context);
			onlyFields(context.body, ['description', 'image_uuid']);
			Object.assign(request, context.body, { updated_at: context.state.clock.next() });
			return ok(request);
		},
	},
	{
		method: 'DELETE',
		pattern: '/v1/requests/:uuid',
		handle(context) {
			const request = ownRequest(context);
			if (participantsOf(request).some((share) => share.status !== 'pending')) {
				throw badRequest('participants_responded', 'A participant has already responded');
			}
			context.state.requests = context.state.requests.filter((entry) => entry !== request);
			return { status: 204 };
		},
	},
	ownerAction('remind', (share) => {
		if (share.status !== 'pending')
			throw badRequest('not_pending', 'Only pending participants can be reminded');
		if (share.reminders >= MAX_REMINDERS)
			throw badRequest('reminder_limit', 'This participant was reminded too often');
		share.reminders++;
	}),
	ownerAction('settle', (share) => {
		if (share.status !== 'pending')
			throw badRequest('not_pending', `The participant is ${share.status}`);
		share.status = 'settled';
	}),
	ownerAction('cancel', (share) => {
		if (share.status !== 'pending')
			throw badRequest('not_pending', `The participant is ${share.status}`);
		share.status = 'cancelled';
	}),
	{
		method: 'POST',
		pattern: '/v1/requests/:uuid/pay',
		handle(context) {
			const { state, body, headers, idempotency } = context;
			onlyFields(body, ['payment_source_uuid', 'pin']);
			return idempotency.run(
				headers['idempotency-key'],
				`POST /v1/requests/${context.params.uuid}/pay`,
				body,
				() => {
					const { request, share } = myShare(context);
					if (share.status !== 'pending')
						throw badRequest('not_pending', `Your share is ${share.status}`);
					const source = authorizePayment(state, body);
					share.status = 'paid';
					share.paid_at = state.clock.next();
					share.payment_source_uuid = source.uuid;
					recordTransaction(state, source, String(share.amount), 'out');
					state.stats.requestPayments++;
					return ok(request);
				},
				() => state.stats.replays++,
			);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/requests/:uuid/reject',
		handle(context) {
			const { request, share } = myShare(context);
			if (share.status !== 'pending')
				throw badRequest('not_pending', `Your share is ${share.status}`);
			share.status = 'rejected';
			return ok(request);
		},
	},
	{
		method: 'GET',
		pattern: '/v1/requests/:uuid/receipt',
		handle(context) {
			const { request, share } = myShare(context);
			if (share.status !== 'paid') throw badRequest('not_paid', 'The request is not paid');
			return ok({
				request_uuid: request.uuid,
				amount: share.amount,
				currency: request.currency,
				paid_at: share.paid_at,
				payment_method: share.payment_source_uuid,
			});
		},
	},
	{
		method: 'GET',
		pattern: '/v1/requests/:uuid/participants/:participant/receipt',
		handle(context) {
			const request = ownRequest(context);
			const share = participant(request, context.params.participant);
			if (share.status !== 'paid') throw badRequest('not_paid', 'The participant has not paid');
			// The request owner does not see the payment method.
			return ok({
				request_uuid: request.uuid,
				participant_uuid: share.uuid,
				amount: share.amount,
				currency: request.currency,
				paid_at: share.paid_at,
			});
		},
	},
];
