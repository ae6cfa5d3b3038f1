import type { MoveAmounts } from '../../shared/money/spending-limits';
import type { ProviderOperation } from '../../shared/execution/provider-node';
import type { ConductorRequest } from '../transport';

// Defined by the transport (its input); re-exported for the operations that import it from here.
export type { ConductorRequest };

export type ConductorResource =
	| 'healthcheck'
	| 'account'
	| 'transaction'
	| 'partnerTransaction'
	| 'catalog'
	| 'order';

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
