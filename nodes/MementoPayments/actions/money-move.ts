import type { IDataObject } from 'n8n-workflow';

import type { MoveAmounts } from '../../shared/guards';
import { requireAmount } from '../../shared/money';
import { PAYMENT_SOURCES_PATH } from './paymentSource/fields';
import type { MementoMoneyMove } from './types';
import { CURRENT_USER_PATH } from './user/fields';

function currencyOf(value: unknown): string | undefined {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	return /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/**
 * Payments and pool contributions carry the amount; the currency may be left to the payment
 * source, which is then read to learn it.
 */
export const paidFromSource: MementoMoneyMove = {
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
};
