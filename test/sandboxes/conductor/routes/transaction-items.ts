// Validation of `items` (bills or orders to pay) and of the optional total `amount`.
import { ConductorError } from '../errors';
import { parseMoney, sumMoney, toCents, type Money } from '../money';
import { findBill, findBiller } from '../seed';
import type { ConductorState, TransactionItem } from '../state';
import { isPlainObject } from '../validation';

export interface ParsedItems {
	items: TransactionItem[];
	total: Money;
}

function parseItem(raw: unknown, state: ConductorState): TransactionItem {
	if (!isPlainObject(raw) || typeof raw.id !== 'string') throw new ConductorError('INVALID_ITEMS');
	if (Object.keys(raw).some((key) => key !== 'id' && key !== 'amount')) {
		throw new ConductorError('INVALID_ITEMS');
	}
	const amount = parseMoney(raw.amount);
	const bill = findBill(raw.id);
	if (bill) {
		if (!findBiller(bill.biller_code)?.active) throw new ConductorError('INACTIVE_BILLER_CODE');
		if (amount.currency !== bill.amount.currency) throw new ConductorError('INVALID_ITEMS');
		return { id: bill.id, type: 'BILL', amount };
	}
	const order = state.orders.get(raw.id);
	if (order) {
		// An order is paid in full, in its currency.
		if (amount.currency !== order.amount.currency || amount.value !== order.amount.value) {
			throw new ConductorError('INVALID_ITEMS');
		}
		return { id: order.id, type: 'ORDER', amount };
	}
	throw new ConductorError('INVALID_ITEMS');
}

/** items: a non-empty array of { id: bill or order id, amount: Money }, one currency, no repeats. */
export function parseItems(value: unknown, state: ConductorState): ParsedItems {
	if (!Array.isArray(value) || value.length === 0) throw new ConductorError('INVALID_ITEMS');
	const items = value.map((raw) => parseItem(raw, state));
	if (new Set(items.map((item) => item.id)).size !== items.length) {
		throw new ConductorError('INVALID_ITEMS');
	}
	if (new Set(items.map((item) => item.type)).size > 1)
		throw new ConductorError('CONFLICTED_ITEMS');
	const currency = items[0].amount.currency;
	if (items.some((item) => item.amount.currency !== currency)) {
		throw new ConductorError('INVALID_ITEMS');
	}
	return {
		items,
		total: sumMoney(
			currency,
			items.map((item) => item.amount.value),
		),
	};
}

/** The optional `amount` must be the items' total, in their currency. */
export function checkTotal(value: unknown, total: Money): void {
	if (value === undefined || value === null) return;
	const amount = parseMoney(value);
	if (amount.currency !== total.currency || toCents(amount.value) !== toCents(total.value)) {
		throw new ConductorError('INVALID_AMOUNT');
	}
}

/** Orders must still be unpaid and not held by another transaction when the transaction is made. */
export function claimOrders(items: TransactionItem[], state: ConductorState, txId: string): void {
	const orders = items
		.filter((item) => item.type === 'ORDER')
		.map((item) => state.orders.get(item.id));
	if (orders.some((order) => !order || order.status !== 'CREATED' || order.transaction_id)) {
		throw new ConductorError('INVALID_ITEMS');
	}
	for (const order of orders) if (order) order.transaction_id = txId;
}
