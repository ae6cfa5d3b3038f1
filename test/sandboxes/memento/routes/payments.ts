import { badRequest, validationError } from '../http';
import { created, ok, type RouteDef } from '../router';
import {
	authorizePayment,
	find,
	getRoute,
	listRoute,
	onlyFields,
	ownerOptions,
	readMoney,
	recordTransaction,
} from './common';

const PAYMENT_FIELDS = [
	'user_uuid',
	'phone',
	'name',
	'amount',
	'currency',
	'description',
	'image_uuid',
	'payment_source_uuid',
	'pin',
];

export const paymentRoutes: RouteDef[] = [
	listRoute(
		'/v1/payments',
		({ state }) => state.payments,
		({ state }) => ownerOptions(state),
	),
	getRoute('/v1/payments/:uuid', ({ state }) => state.payments),
	{
		method: 'POST',
		pattern: '/v1/payments',
		handle({ state, body, headers, idempotency }) {
			onlyFields(body, PAYMENT_FIELDS);
			return idempotency.run(
				headers['idempotency-key'],
				'POST /v1/payments',
				body,
				() => {
					if ((body.user_uuid === undefined) === (body.phone === undefined)) {
						throw validationError([
							{ field: 'user_uuid', message: 'send either user_uuid or phone' },
						]);
					}
					if (body.user_uuid !== undefined) {
						if (!state.user(String(body.user_uuid)))
							throw validationError([{ field: 'user_uuid', message: 'no such user' }]);
						if (state.blocked.has(String(body.user_uuid)))
							throw badRequest('recipient_blocked', 'You blocked this user');
					}
					const source = authorizePayment(state, body);
					const money = readMoney(body, source);
					const payment = {
						...state.stamp(),
						owner_uuid: state.me.uuid,
						sender_uuid: state.me.uuid,
						recipient_uuid: body.user_uuid ?? null,
						recipient_phone: body.phone ?? null,
						recipient_name: body.name ?? null,
						...money,
						status: 'completed',
						description: body.description ?? null,
						payment_source_uuid: source.uuid,
					};
					state.payments.push(payment);
					recordTransaction(state, source, money.amount, 'out');
					state.stats.paymentsCreated++;
					return created(payment);
				},
				() => state.stats.replays++,
			);
		},
	},
	{
		method: 'GET',
		pattern: '/v1/payments/:uuid/receipt',
		handle({ state, params }) {
			const payment = find(state.payments, params.uuid);
			if (payment.status !== 'completed')
				throw badRequest('not_processed', 'The payment is not fully processed yet');
			const receipt: Record<string, unknown> = {
				payment_uuid: payment.uuid,
				amount: payment.amount,
				currency: payment.currency,
				created_at: payment.created_at,
			};
			// Only the sender sees how it was paid.
			if (payment.sender_uuid === state.me.uuid)
				receipt.payment_method = payment.payment_source_uuid ?? 'card';
			return ok(receipt);
		},
	},
];
