import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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
	 * Creates that Momento deduplicates: a repeated orderID (or id_number for users) answers 409,
	 * and the node then reads back what the first request created.
	 */
	replay?: { kind: OrderKind; orderID: string } | { kind: 'user'; idNumber: string };
}

export interface MomentoItemContext {
	/** orderID used when the user set none: stable for this item in this execution. */
	derivedOrderId: string;
	/** The credential's Default Callback URL (may be empty). */
	defaultCallbackUrl: string;
}

export interface MomentoOperation {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number, context: MomentoItemContext): MomentoRequest;
	/** Set on operations that move money: they get Validate Only and the spending limits. */
	movesMoney?: boolean;
}
