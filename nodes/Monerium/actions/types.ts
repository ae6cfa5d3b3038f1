import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MoveAmounts } from '../../shared/guards';
import type { MoneriumRequest } from '../transport';

export interface MoneriumItemContext {
	/** Order id used when the user sets none: stable for this item in this execution. */
	derivedOrderId: string;
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
	  }
	| { local: IDataObject };

export interface MoneriumOperation {
	description: INodeProperties[];
	prepare(
		this: IExecuteFunctions,
		itemIndex: number,
		context: MoneriumItemContext,
	): MoneriumCall | Promise<MoneriumCall>;
	/** Present on operations that move money (they get Validate Only and spending limits). */
	moneyMove?: MoneriumMoneyMove;
}

export interface MoneriumMoneyMove {
	/** What the request moves (currency in upper case, as limits are written). */
	amountsOf(request: MoneriumRequest): MoveAmounts;
	/** The order id: the same id is the same order, so a replay counts once. */
	keyOf(request: MoneriumRequest): string;
}
