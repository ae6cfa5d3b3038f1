// POST /orders as the document describes it, checked field by field.
import { randomUUID } from 'node:crypto';

import { error, ibanHasFormat, validation, type Reply } from './http';
import { CURRENCIES, SANDBOX_CHAINS, type MoneriumState, type Order } from './state';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;
const MESSAGE =
	/^Send ([A-Z]{3}) (\d+(?:\.\d{1,2})?) to (\S+) at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?Z)$/;
export const FRESHNESS_MS = 5 * 60 * 1000;

function cents(amount: string): bigint {
	const [integer, fraction = ''] = amount.split('.');
	return BigInt(integer) * 100n + BigInt(fraction.padEnd(2, '0'));
}

function short(iban: string): string {
	return `${iban.slice(0, 4)}...${iban.slice(-4)}`;
}

export function placeOrder(
	state: MoneriumState,
	profile: string,
	body: Record<string, unknown>,
): Reply {
	state.orderAttempts++;
	const errors: Record<string, string> = {};
	const {
		id,
		address,
		currency,
		chain,
		kind,
		amount,
		counterpart,
		message,
		signature,
		memo,
		supportingDocumentId,
	} = body as Record<string, unknown> & { counterpart?: Record<string, Record<string, unknown>> };
	if (id !== undefined && (typeof id !== 'string' || !UUID4.test(id))) errors.id = 'Must be a UUID';
	if (typeof address !== 'string' || !ADDRESS.test(address))
		errors.address = 'Must match ^0x[0-9a-fA-F]{40}$';
	else if (state.addresses.get(address.toLowerCase())?.profile !== profile)
		errors.address = 'Not a linked address of the profile';
	if (typeof currency !== 'string' || !CURRENCIES.includes(currency))
		errors.currency = 'Must be one of eur, usd, gbp, isk';
	if (typeof chain !== 'string' || !SANDBOX_CHAINS.includes(chain))
		errors.chain = 'Not a supported chain';
	if (kind !== 'redeem') errors.kind = 'Must be redeem';
	// "The amount must be a non-negative value": zero is not refused.
	if (typeof amount !== 'string' || !AMOUNT.test(amount)) {
		errors.amount = 'Must be a string of digits with at most two decimals';
	}
	const identifier = counterpart?.identifier;
	const details = counterpart?.details;
	let target: string[] = [];
	if (!identifier || typeof identifier !== 'object') errors['counterpart.identifier'] = 'Required';
	else if (identifier.standard === 'iban') {
		const iban = String(identifier.iban ?? '');
		if (!ibanHasFormat(iban)) errors['counterpart.identifier.iban'] = 'Not a valid IBAN';
		target = [iban, short(iban)];
	} else if (identifier.standard === 'chain') {
		if (!ADDRESS.test(String(identifier.address ?? '')))
			errors['counterpart.identifier.address'] = 'Not an address';
		if (!SANDBOX_CHAINS.includes(String(identifier.chain)))
			errors['counterpart.identifier.chain'] = 'Not a supported chain';
		target = [String(identifier.address ?? '').toLowerCase()];
	} else errors['counterpart.identifier.standard'] = 'Must be iban or chain';
	if (
		!details ||
		typeof details !== 'object' ||
		!/^[A-Z]{2}$/.test(String(details.country ?? ''))
	) {
		errors['counterpart.details'] = 'Name and a two-letter country are required';
	} else if (!(details.companyName || (details.firstName && details.lastName))) {
		errors['counterpart.details'] = 'firstName and lastName, or companyName, are required';
	}
	const parsed = typeof message === 'string' ? MESSAGE.exec(message) : null;
	if (!parsed) errors.message = 'Not an order message';
	else if (typeof currency === 'string' && typeof amount === 'string' && AMOUNT.test(amount)) {
		if (parsed[1] !== currency.toUpperCase() || cents(parsed[2]) !== cents(amount)) {
			errors.message = 'Amount or currency differ from the order';
		} else if (!target.includes(parsed[3]) && !target.includes(parsed[3].toLowerCase())) {
			errors.message = 'Counterpart differs from the order';
		} else if (Math.abs(Date.now() - Date.parse(parsed[4])) > FRESHNESS_MS) {
			errors.message = 'Timestamp is not recent';
		}
	}
	// EOA, Safe on-chain ("0x") or Safe off-chain signatures: the document gives no format.
	if (typeof signature !== 'string' || !signature.startsWith('0x'))
		errors.signature = 'Must start with 0x';
	if (
		memo !== undefined &&
		(typeof memo !== 'string' || [...memo].length < 5 || [...memo].length > 140)
	) {
		errors.memo = 'Must be 5 to 140 characters';
	}
	if (
		currency === 'eur' &&
		typeof amount === 'string' &&
		AMOUNT.test(amount) &&
		cents(amount) >= 1500000n
	) {
		if (typeof supportingDocumentId !== 'string' || !state.files.has(supportingDocumentId)) {
			errors.supportingDocumentId = 'A supporting document is required for EUR 15,000 or more';
		}
	}
	if (Object.keys(errors).length > 0) return validation(errors);

	const orderId = (id as string | undefined) ?? randomUUID();
	if (state.deduplicateOrderIds && state.orders.has(orderId)) {
		return error(409, `Order ${orderId} already exists`);
	}
	const order: Order = {
		id: orderId,
		kind: 'redeem',
		profile,
		address,
		chain,
		currency,
		amount,
		counterpart,
		memo: memo ?? '',
		state: 'placed',
		meta: { placedAt: new Date().toISOString(), txHashes: [] },
		...(supportingDocumentId ? { supportingDocumentId } : {}),
	};
	if (!state.orders.has(orderId)) state.orders.set(orderId, order);
	state.placed.push(order);
	return { status: 201, body: order };
}

export function listOrders(state: MoneriumState, profile: string, query: URLSearchParams): Reply {
	const stateFilter = query.get('state');
	if (stateFilter && !['pending', 'processed', 'rejected'].includes(stateFilter)) {
		return validation({ state: 'Must be pending, processed or rejected' });
	}
	const owner = query.get('profile') ?? profile;
	const orders = state.placed.filter(
		(order) =>
			order.profile === owner &&
			(!query.get('address') ||
				String(order.address).toLowerCase() === query.get('address')!.toLowerCase()) &&
			(!query.get('memo') || order.memo === query.get('memo')) &&
			(!stateFilter || order.state === stateFilter) &&
			(!query.get('txHash') ||
				((order.meta as { txHashes: string[] }).txHashes ?? []).includes(query.get('txHash')!)),
	);
	return { status: 200, body: { orders } };
}
