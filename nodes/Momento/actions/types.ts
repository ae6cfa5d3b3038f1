import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

export interface MomentoOperation {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number, context: MomentoItemContext): MomentoRequest;
	/** Set on operations that move money: they get Validate Only and the spending limits. */
	movesMoney?: boolean;
}
