// Route shapes the API repeats: lists, lookups by UUID, payment authorization.
import { checkAmount, notFound, requireFields, validationError } from '../http';
import { listPage, type Item, type ListOptions } from '../query';
import { ok, type RouteContext, type RouteDef } from '../router';
import { SANDBOX_SECRETS, type MementoState } from '../state';

export function find(items: Item[], uuid: string): Item {
	const item = items.find((entry) => entry.uuid === uuid);
	if (!item) throw notFound();
	return item;
}

export function listRoute(
	pattern: string,
	items: (context: RouteContext) => Item[],
	options: (context: RouteContext) => ListOptions = () => ({}),
): RouteDef {
	return {
		method: 'GET',
		pattern,
		handle: (context) => ok(listPage(items(context), context.query, options(context))),
	};
}

export function getRoute(pattern: string, items: (context: RouteContext) => Item[]): RouteDef {
	return {
		method: 'GET',
		pattern,
		handle: (context) => ok(find(items(context), context.params.uuid)),
	};
}

/** `owner` = me / others, for the lists the document says can be filtered by owner. */
export function ownerOptions(state: MementoState): ListOptions {
	return {
		virtualFields: ['owner'],
		decorate: (item) => ({ ...item, owner: item.owner_uuid === state.me.uuid ? 'me' : 'others' }),
	};
}

/** Payment source of the user and the right PIN; a wrong PIN is echoed back, as a careless API might. */
export function authorizePayment(state: MementoState, body: Record<string, unknown>): Item {
	requireFields(body, ['payment_source_uuid', 'pin']);
	if (body.pin !== SANDBOX_SECRETS.pin) {
		throw validationError([{ field: 'pin', message: `PIN ${String(body.pin)} is incorrect` }]);
	}
	const source = state.sources.find((entry) => entry.uuid === body.payment_source_uuid);
	if (!source)
		throw validationError([
			{ field: 'payment_source_uuid', message: 'is not one of your payment sources' },
		]);
	if (source.verified !== true) {
		throw validationError([{ field: 'payment_source_uuid', message: 'is not verified yet' }]);
	}
	return source;
}

/** Amount and optional currency, which must match the source's. */
export function readMoney(
	body: Record<string, unknown>,
	source: Item,
): { amount: string; currency: string } {
	const amount = checkAmount(body.amount);
	if (body.currency !== undefined && body.currency !== source.currency) {
		throw validationError([
			{
				field: 'currency',
				message: `must be ${String(source.currency)}, the payment source's currency`,
			},
		]);
	}
	return { amount, currency: String(source.currency) };
}

/** Refuses fields a route does not take (a typo must not be silently ignored). */
export function onlyFields(body: Record<string, unknown>, allowed: string[]): void {
	const unknown = Object.keys(body).filter((field) => !allowed.includes(field));
	if (unknown.length > 0) {
		throw validationError(unknown.map((field) => ({ field, message: 'cannot be set here' })));
	}
}

export function recordTransaction(
	state: MementoState,
	source: Item,
	amount: string,
	type: 'in' | 'out',
): void {
	state.transactions.push({
		...state.stamp(),
		type,
		amount,
		currency: source.currency,
		payment_source_uuid: source.uuid,
		gateway_response: { code: '00', message: 'Approved' },
	});
}

export function centsOf(amount: string): bigint {
	const [whole, fraction = ''] = amount.split('.');
	return BigInt(whole + fraction.padEnd(2, '0'));
}

export function fromCents(cents: bigint): string {
	const text = cents.toString().padStart(3, '0');
	return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
