import type { IDataObject } from 'n8n-workflow';

import type { ProviderOperation } from '../../shared/provider-node';

export type MomentoResource = 'bank' | 'quote' | 'user' | 'deposit' | 'withdrawal';

export type OrderKind = 'deposit' | 'withdrawal';

/** What an operation asks the transport to send, fully checked. */
export interface MomentoRequest {
	method: 'GET' | 'POST';
	/** Relative to the base URL, with Momento's trailing slash (e.g. /deposit_orders/). */
	path: string;
	body?: IDataObject;
	qs?: Record<string, string>;
	/** List endpoints: walk the pages (Return All) or stop at `limit`. */
	list?: { returnAll: boolean; limit: number };
	/**
	 * How to find what a create may already have made: an order by its orderID, a user by cédula.
	 * Used after an unknown outcome, before a repeat from an earlier execution, and on a 409.
	 */
	replay?: { kind: OrderKind; orderID: string } | { kind: 'user'; idNumber: string };
}

export interface MomentoItemContext {
	/**
	 * The orderID used when the user set none, derived from the workflow, the node, the operation
	 * and the order's content (amount, currency, customer, bank account; not the callback URL, not
	 * the execution): the same order asked again, in any execution, is found, not created twice.
	 */
	deriveOrderId(content: IDataObject): string;
	/** The credential's Default Callback URL (may be empty). */
	defaultCallbackUrl: string;
}

/** Order creations set `moneyMove: true`: one provider-wide guard (money-move.ts) fits both. */
export type MomentoOperation = ProviderOperation<MomentoRequest, MomentoItemContext>;
