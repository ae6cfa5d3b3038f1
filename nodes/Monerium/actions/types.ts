import type { IDataObject } from 'n8n-workflow';

import type { MoveAmounts } from '../../shared/money/spending-limits';
import type { ProviderOperation } from '../../shared/execution/provider-node';
import type { MoneriumRequest } from '../transport';

export interface MoneriumItemContext {
	/**
	 * The order id used when the user sets none, derived from the workflow, the node, the operation
	 * and the order's content (address, chain, currency, amount, counterpart, memo; not the message
	 * and signature, which authorize it, nor the execution): the same order asked again, even
	 * signed anew, is found instead of placed twice.
	 */
	deriveOrderId(content: IDataObject): string;
	now: Date;
}

/** What an operation asks for, fully checked: a request to send, or a result computed locally. */
export type MoneriumCall =
	| {
			request: MoneriumRequest;
			/** Shapes the answer into output items (default: the body as one item). */
			output?: (body: IDataObject, statusCode: number) => IDataObject | IDataObject[];
			/** Sent when the first answer is a 409: the thing already exists (a replayed order). */
			onConflict?: MoneriumRequest;
			/**
			 * A money move the document does not promise to deduplicate: reads it by its id (404 =
			 * absent) after an unknown outcome, and before a repeat an earlier run may have sent.
			 */
			lookup?: MoneriumRequest;
	  }
	| { local: IDataObject };

export type MoneriumOperation = ProviderOperation<
	MoneriumCall,
	MoneriumItemContext,
	MoneriumMoneyMove
>;

export interface MoneriumMoneyMove {
	/** What the request moves (currency in upper case, as limits are written). */
	amountsOf(request: MoneriumRequest): MoveAmounts;
	/** The order id: the same id is the same order, so a replay counts once. */
	keyOf(request: MoneriumRequest): string;
}
