import type { IDataObject } from 'n8n-workflow';

import type { MoveAmounts } from '../../shared/guards';
import type { ProviderOperation } from '../../shared/provider-node';

export type ConductorResource =
	| 'healthcheck'
	| 'account'
	| 'transaction'
	| 'partnerTransaction'
	| 'catalog'
	| 'order';

/** What an operation asks the transport to send, fully checked. */
export interface ConductorRequest {
	method: 'GET' | 'POST';
	/** Relative to the base URL, or to the host root when `atRoot`. */
	path: string;
	atRoot?: boolean;
	body?: IDataObject;
	qs?: Record<string, string>;
	retailerId?: string;
	/** Set on every POST: the transport sends it as Idempotency-Key. */
	idempotencyKey?: string;
}

export interface ConductorItemContext {
	/** The credential's default Retailer-Id (may be empty). */
	defaultRetailerId: string;
	/** Key used when the user set none: stable for this item in this execution. */
	derivedIdempotencyKey: string;
}

export type ConductorOperation = ProviderOperation<
	ConductorRequest,
	ConductorItemContext,
	ConductorMoneyMove
>;

export interface ConductorMoneyMove {
	/** What the request moves, or undefined when it does not carry the amount. */
	amountsOf(request: ConductorRequest): MoveAmounts | undefined;
	/** A GET whose `data.amount` tells the amount, for requests that do not carry it. */
	amountLookup?(request: ConductorRequest): ConductorRequest;
}
