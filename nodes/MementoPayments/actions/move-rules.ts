import type { IDataObject } from 'n8n-workflow';

import type { MoveAmounts } from '../../shared/money/spending-limits';
import { compareDecimals, requireAmount } from '../../shared/money/amounts';
import { PAYMENTS_PATH } from './payment/fields';
import { PAYMENT_SOURCES_PATH } from './paymentSource/fields';
import type { MementoMoneyMove, MementoRequest } from './types';
import { CURRENT_USER_PATH } from './user/fields';

function currencyOf(value: unknown): string | undefined {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	return /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/** Statuses (assumed) of a move that did not take money: it may be sent again. */
const NOT_MOVED = new Set(['failed', 'declined', 'rejected', 'cancelled', 'canceled']);

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const digits = (value: unknown) => text(value).replace(/\D/g, '');

/**
 * Whether a payment or contribution Memento lists is the one this request asked for: the same
 * amount, currency (when the request names one), payment source (when the record shows one), and
 * not failed. The field names are assumptions: the document describes no payment object.
 */
function sameMoney(record: IDataObject, body: IDataObject): boolean {
	const amount = text(String(record.amount ?? ''));
	if (!/^\d+(\.\d+)?$/.test(amount) || compareDecimals(amount, String(body.amount)) !== 0) {
		return false;
	}
	if (body.currency !== undefined && record.currency !== body.currency) return false;
	const source = record.payment_source_uuid;
	if (source !== undefined && source !== null && source !== body.payment_source_uuid) return false;
	return !NOT_MOVED.has(text(record.status).toLowerCase());
}

const bodyOf = (request: MementoRequest) => request.body as IDataObject;

/** Newest first, only this amount: `filter` and `sort` as documented, on assumed fields. */
const candidates = (body: IDataObject, filter: string[]) => ({
	filter: [...filter, `amount:eq:${String(body.amount)}`].join(','),
	sort: 'created_at:desc',
});

/**
 * Payments and pool contributions carry the amount; the currency may be left to the payment
 * source, which is then read to learn it.
 */
const paidFromSource: Omit<MementoMoneyMove, 'find'> = {
	amountsOf(request) {
		const { amount, currency } = request.body as { amount: string; currency?: string };
		const code = currencyOf(currency);
		return code ? [{ currency: code, amount }] : undefined;
	},
	async lookupAmounts(request, read) {
		const { amount, payment_source_uuid: source } = request.body as {
			amount: string;
			payment_source_uuid: string;
		};
		const code = currencyOf(
			(await read(`${PAYMENT_SOURCES_PATH}/${encodeURIComponent(source)}`)).currency,
		);
		// In the currency's own scale (12.5 GBP is 12.50), refused if it has more decimals.
		return code
			? [{ currency: code, amount: requireAmount(amount, 'Amount', { currency: code }) }]
			: undefined;
	},
};

/**
 * Payment > Create. Found (assumed reading): one of my payments (`owner:eq:me`) of this amount, to
 * this recipient (`recipient_uuid` / `recipient_phone`), with this description, newest first.
 */
export const paymentMove: MementoMoneyMove = {
	...paidFromSource,
	async find(request, lookup) {
		const body = bodyOf(request);
		return await lookup.first(
			PAYMENTS_PATH,
			candidates(body, ['owner:eq:me']),
			(payment) =>
				sameMoney(payment, body) &&
				(body.user_uuid !== undefined
					? (payment.recipient_uuid ?? payment.user_uuid) === body.user_uuid
					: digits(payment.recipient_phone ?? payment.phone) === digits(body.phone)) &&
				text(payment.description) === text(body.description),
		);
	},
};

/**
 * Pool > Contribute. Found (assumed reading): a contribution of mine (`user_uuid`) to this pool
 * (`GET /v1/pools/{uuid}/contributions`) of this amount with this message, newest first.
 */
export const contributionMove: MementoMoneyMove = {
	...paidFromSource,
	async find(request, lookup) {
		const body = bodyOf(request);
		const me = await lookup.me();
		return await lookup.first(
			request.path,
			candidates(body, []),
			(contribution) =>
				sameMoney(contribution, body) &&
				(contribution.user_uuid ?? me.uuid) === me.uuid &&
				text(contribution.message) === text(body.message),
		);
	},
};

/** The share of the current user in a request: what paying the request pays. */
export function shareOf(paymentRequest: IDataObject, userUuid: unknown): MoveAmounts | undefined {
	const participants = Array.isArray(paymentRequest.participants)
		? (paymentRequest.participants as IDataObject[])
		: [];
	const share = participants.find((entry) => entry.user_uuid === userUuid);
	const code = currencyOf(paymentRequest.currency);
	const amount = share?.amount;
	if (!code || typeof amount !== 'string' || !/^\d+(\.\d+)?$/.test(amount)) return undefined;
	return [{ currency: code, amount }];
}

/** Paying a request pays what was requested of me: read the request and who I am to learn it. */
export const payRequestShare: MementoMoneyMove = {
	amountsOf: () => undefined,
	async lookupAmounts(request, read) {
		// One after the other: in parallel, both could open a session.
		const paymentRequest = await read(request.path.replace(/\/pay$/, ''));
		const me = await read(CURRENT_USER_PATH);
		return shareOf(paymentRequest, me.uuid);
	},
	/** Found (assumed reading): my participant share of the request has the status `paid`. */
	async find(request, lookup) {
		const paymentRequest = await lookup.get(request.path.replace(/\/pay$/, ''));
		const me = await lookup.me();
		const participants = Array.isArray(paymentRequest.participants)
			? (paymentRequest.participants as IDataObject[])
			: [];
		const share = participants.find((entry) => entry.user_uuid === me.uuid);
		return text(share?.status).toLowerCase() === 'paid' ? paymentRequest : undefined;
	},
};
