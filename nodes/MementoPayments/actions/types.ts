import type { IDataObject } from 'n8n-workflow';

import type { MoveAmounts } from '../../shared/money/spending-limits';
import type { ProviderOperation } from '../../shared/execution/provider-node';
import type { MementoMethod, MementoRequest } from '../transport';

// Defined by the transport (its input); re-exported for the operations that import them from here.
export type { MementoMethod, MementoRequest };

export type MementoResource =
	| 'activity'
	| 'announcement'
	| 'contact'
	| 'device'
	| 'fee'
	| 'image'
	| 'moment'
	| 'notification'
	| 'payment'
	| 'paymentSource'
	| 'pool'
	| 'request'
	| 'session'
	| 'token'
	| 'transaction'
	| 'user'
	| 'verification';

export interface MementoItemContext {
	/** Key used when the user set none: derived from the payment instruction (see router.ts). */
	derivedIdempotencyKey: string;
}

export type MementoOperation = ProviderOperation<
	MementoRequest,
	MementoItemContext,
	MementoMoneyMove
>;

/** A GET of a path from the host root (e.g. /v1/users/current), answered as an object. */
export type MementoRead = (path: string) => Promise<IDataObject>;

/** Reads a money-move lookup makes (see money-lookup.ts). */
export interface MementoLookup {
	/** A fresh GET (never cached): the current state of a request, say. */
	get(path: string): Promise<IDataObject>;
	/** The current user (read once per node run). */
	me(): Promise<IDataObject>;
	/**
	 * The first item of a filtered, sorted list that `matches`, walking its pages; undefined only
	 * when every page was read and none matched (the lookup proves absence).
	 */
	first(
		path: string,
		qs: Record<string, string>,
		matches: (item: IDataObject) => boolean,
	): Promise<IDataObject | undefined>;
}

export interface MementoMoneyMove {
	/** What the request moves, or undefined when the request does not say it fully. */
	amountsOf(request: MementoRequest): MoveAmounts | undefined;
	/** Learns the amount with GETs when the request does not carry it (or not its currency). */
	lookupAmounts(request: MementoRequest, read: MementoRead): Promise<MoveAmounts | undefined>;
	/**
	 * Finds the move this request made, if Memento has it (the document promises no
	 * deduplication, so a move whose answer was lost is looked up before it is sent again).
	 */
	find(request: MementoRequest, lookup: MementoLookup): Promise<IDataObject | undefined>;
}
