// In-memory state: transactions, partner transactions, orders and the counters tests read.
import { ConductorError } from './errors';
import type { Money } from './money';
import type { ConductorStats } from './types';
import type { JsonObject } from './validation';

export type TransactionStatus = 'PENDING' | 'COMPLETED' | 'CANCELLED';

/** Fields both kinds of transaction share (and the complete/cancel state machine works on). */
export interface Lifecycle {
	id: string;
	status: TransactionStatus;
	payment_method: string | null;
	meta_data: JsonObject;
	cancel_reason: string | null;
	created_at: string;
	completed_at: string | null;
	cancelled_at: string | null;
}

export interface TransactionItem {
	id: string;
	type: 'BILL' | 'ORDER';
	amount: Money;
}

export interface Transaction extends Lifecycle {
	external_reference: string;
	retailer_id: string;
	items: TransactionItem[];
	amount: Money;
}

export interface PartnerTransaction extends Lifecycle {
	external_transaction_id: string;
	external_reference: string;
	retailer_id: string;
	biller_code: string;
	reference: string | null;
	identifier: unknown;
	amount: Money;
}

export interface OrderItem {
	code: string;
	name: string;
	quantity: number;
	unit_amount: Money;
	amount: Money;
}

export interface Order {
	id: string;
	status: 'CREATED' | 'PAID';
	biller_code: string;
	identifier: unknown;
	items: OrderItem[];
	amount: Money;
	/** Transaction currently paying the order (PENDING or COMPLETED), if any. */
	transaction_id: string | null;
	created_at: string;
	paid_at: string | null;
}

export function emptyStats(): ConductorStats {
	return {
		transactionsCreated: 0,
		partnerTransactionsCreated: 0,
		ordersCreated: 0,
		completions: 0,
		cancellations: 0,
		replays: 0,
	};
}

export function nowIso(): string {
	return new Date().toISOString();
}

export class ConductorState {
	readonly transactions = new Map<string, Transaction>();
	/** Keyed by external_transaction_id (the partner's external_reference). */
	readonly partnerTransactions = new Map<string, PartnerTransaction>();
	readonly orders = new Map<string, Order>();
	/** Index of `transactions` by external_reference (which never changes): O(1) duplicate checks. */
	private readonly transactionsByReference = new Map<string, Transaction>();
	readonly stats: ConductorStats = emptyStats();

	reset(): void {
		this.transactions.clear();
		this.transactionsByReference.clear();
		this.partnerTransactions.clear();
		this.orders.clear();
		Object.assign(this.stats, emptyStats());
	}

	transactionByExternalReference(reference: string): Transaction | undefined {
		return this.transactionsByReference.get(reference);
	}

	/** Stores a new transaction (always through here, so the reference index stays complete). */
	addTransaction(tx: Transaction): void {
		this.transactions.set(tx.id, tx);
		this.transactionsByReference.set(tx.external_reference, tx);
	}

	/** PENDING -> COMPLETED; anything else is ALREADY_COMPLETED / ALREADY_CANCELLED. */
	complete(record: Lifecycle, paymentMethod: string | undefined, metaData?: JsonObject): void {
		assertPending(record);
		record.status = 'COMPLETED';
		if (paymentMethod !== undefined) record.payment_method = paymentMethod;
		record.completed_at = nowIso();
		if (metaData) record.meta_data = { ...record.meta_data, ...metaData };
		this.stats.completions += 1;
		this.settleOrders(record, 'COMPLETED');
	}

	/** PENDING -> CANCELLED; anything else is ALREADY_COMPLETED / ALREADY_CANCELLED. */
	cancel(record: Lifecycle, reason: string | undefined, metaData?: JsonObject): void {
		assertPending(record);
		record.status = 'CANCELLED';
		record.cancel_reason = reason ?? null;
		record.cancelled_at = nowIso();
		if (metaData) record.meta_data = { ...record.meta_data, ...metaData };
		this.stats.cancellations += 1;
		this.settleOrders(record, 'CANCELLED');
	}

	/** Orders paid by a transaction become PAID when it completes and free again when cancelled. */
	private settleOrders(record: Lifecycle, outcome: TransactionStatus): void {
		const tx = this.transactions.get(record.id);
		if (!tx) return;
		for (const item of tx.items.filter((entry) => entry.type === 'ORDER')) {
			const order = this.orders.get(item.id);
			if (!order) continue;
			if (outcome === 'COMPLETED') {
				order.status = 'PAID';
				order.paid_at = record.completed_at;
			} else {
				order.transaction_id = null;
			}
		}
	}
}

function assertPending(record: Lifecycle): void {
	if (record.status === 'COMPLETED') throw new ConductorError('ALREADY_COMPLETED');
	if (record.status === 'CANCELLED') throw new ConductorError('ALREADY_CANCELLED');
}

export function snapshot<T>(values: Iterable<T>): object[] {
	return [...values].map((value) => structuredClone(value) as object);
}
