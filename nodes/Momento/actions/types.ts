import type { IDataObject } from 'n8n-workflow';

import type { ProviderOperation } from '../../shared/execution/provider-node';

import type { MomentoRequest, OrderKind } from '../transport';

// Defined by the transport (its input); re-exported for the operations that import them from here.
export type { MomentoRequest, OrderKind };

export type MomentoResource = 'bank' | 'quote' | 'user' | 'deposit' | 'withdrawal';

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
