import { checkAmount, requireFields, validationError } from '../http';
import { listPage } from '../query';
import { created, ok, type RouteDef } from '../router';
import { SANDBOX_SECRETS } from '../state';
import { centsOf, find, fromCents, getRoute, listRoute, onlyFields } from './common';

const SINCE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** `since` in the documented YYYY-MM-DD HH:MM:SS form, as a comparable ISO prefix. */
function readSince(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (!SINCE.test(value))
		throw validationError([{ field: 'since', message: 'must be YYYY-MM-DD HH:MM:SS' }]);
	return value.replace(' ', 'T');
}

export const contentRoutes: RouteDef[] = [
	listRoute('/v1/payment-sources', ({ state }) => state.sources),
	getRoute('/v1/payment-sources/:uuid', ({ state }) => state.sources),
	{
		method: 'POST',
		pattern: '/v1/payment-sources',
		handle({ state, body }) {
			onlyFields(body, ['type', 'name', 'currency', 'details']);
			requireFields(body, ['type', 'name', 'currency']);
			if (!['card', 'bank_account'].includes(String(body.type)))
				throw validationError([{ field: 'type', message: 'must be card or bank_account' }]);
			const source = {
				...state.stamp(),
				type: body.type,
				name: body.name,
				currency: body.currency,
				last4: '1881',
				verified: false,
				default: false,
			};
			state.sources.push(source);
			return created(source);
		},
	},
	{
		method: 'PUT',
		pattern: '/v1/payment-sources/:uuid',
		handle({ state, params, body }) {
			const source = find(state.sources, params.uuid);
			onlyFields(body, ['name', 'default']);
			if (body.default === true) for (const other of state.sources) other.default = false;
			Object.assign(source, body, { updated_at: state.clock.next() });
			return ok(source);
		},
	},
	{
		method: 'DELETE',
		pattern: '/v1/payment-sources/:uuid',
		handle({ state, params }) {
			const source = find(state.sources, params.uuid);
			state.sources = state.sources.filter((entry) => entry !== source);
			return { status: 204 };
		},
	},
	{
		method: 'POST',
		pattern: '/v1/payment-sources/:uuid/verify',
		handle({ state, params, body }) {
			const source = find(state.sources, params.uuid);
			requireFields(body, ['code']);
			if (body.code !== SANDBOX_SECRETS.sourceVerificationCode)
				throw validationError([{ field: 'code', message: 'is incorrect' }]);
			source.verified = true;
			return ok(source);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/fees/calculate',
		handle({ state, body }) {
			requireFields(body, ['payment_source_uuid', 'amount']);
			const source = state.sources.find((entry) => entry.uuid === body.payment_source_uuid);
			if (!source)
				throw validationError([
					{ field: 'payment_source_uuid', message: 'is not one of your payment sources' },
				]);
			const amount = checkAmount(body.amount);
			// 1% for cards, at least 0.20; bank transfers are free.
			const cents = centsOf(amount);
			const fee = source.type === 'card' ? (cents / 100n > 20n ? cents / 100n : 20n) : 0n;
			return ok({
				amount,
				fee: fromCents(fee),
				total: fromCents(cents + fee),
				currency: source.currency,
			});
		},
	},
	listRoute('/v1/transactions', ({ state }) => state.transactions),
	getRoute('/v1/transactions/:uuid', ({ state }) => state.transactions),
	listRoute('/v1/notifications', ({ state }) => state.notifications),
	listRoute('/v1/moments', ({ state }) => state.moments),
	getRoute('/v1/moments/:uuid', ({ state }) => state.moments),
	{
		method: 'GET',
		pattern: '/v1/announcements',
		handle({ state, query }) {
			const since = readSince(query.since);
			const items = since
				? state.announcements.filter((entry) => String(entry.created_at) > since)
				: state.announcements;
			return ok(listPage(items, query));
		},
	},
	getRoute('/v1/announcements/:uuid', ({ state }) => state.announcements),
	{
		method: 'GET',
		pattern: '/v1/activity/updates',
		handle({ state, query }) {
			const since = readSince(query.since);
			if (!since) throw validationError([{ field: 'since', message: 'is required' }]);
			const newer = state.payments.filter((entry) => String(entry.created_at) > since);
			const received = newer.filter((entry) => entry.recipient_uuid === state.me.uuid).length;
			const due = state.requests.filter((request) =>
				(request.participants as Array<Record<string, unknown>>).some(
					(share) => share.user_uuid === state.me.uuid && share.status === 'pending',
				),
			).length;
			return ok({
				has_updates: received + due > 0,
				payments_received: received,
				payments_due: due,
			});
		},
	},
	{
		method: 'POST',
		pattern: '/v1/images',
		handle({ state, body }) {
			onlyFields(body, ['file_name', 'content_type', 'data']);
			requireFields(body, ['content_type', 'data']);
			if (!/^image\//.test(String(body.content_type)))
				throw validationError([{ field: 'content_type', message: 'must be an image type' }]);
			const bytes = Buffer.from(String(body.data), 'base64');
			if (bytes.length === 0 || bytes.toString('base64') !== String(body.data))
				throw validationError([{ field: 'data', message: 'must be base64' }]);
			const image = {
				...state.stamp(),
				file_name: body.file_name ?? null,
				content_type: body.content_type,
				size: bytes.length,
				url: `https://images.example/${String(state.images.length + 1)}`,
			};
			state.images.push(image);
			return created(image);
		},
	},
	getRoute('/v1/images/:uuid', ({ state }) => state.images),
];
