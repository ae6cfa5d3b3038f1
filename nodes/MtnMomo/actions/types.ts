import type { IDataObject } from 'n8n-workflow';

import type { ProviderOperation } from '../../shared/execution/provider-node';

import type { MomoRequest, MomoResponse } from '../transport';
import type { MomoProduct } from '../constants';

export interface WaitSettings {
	timeoutMs: number;
	initialIntervalMs: number;
}

/** A money move: what was asked for, so a 409 on a retry can be matched against it. */
export interface PaymentPlan {
	product: MomoProduct;
	referenceId: string;
	amount: string;
	currency: string;
	partyId: string;
	wait?: WaitSettings;
}

/** What an operation asks the router to send, fully checked; nothing is sent while preparing. */
export interface MomoPrepared {
	request: MomoRequest;
	/** Shapes the answer into the output item (default: the answer's body). */
	present?: (response: MomoResponse) => IDataObject;
	payment?: PaymentPlan;
}

export interface MomoItemContext {
	/** X-Reference-Id used when the user set none: derived from the External ID (see router.ts). */
	derivedReferenceId: string;
	targetEnvironment: string;
	defaultCallbackUrl: string;
}

/** Payment operations set `moneyMove: true`: one provider-wide guard (money-move.ts) fits them all. */
export type MomoOperation = ProviderOperation<MomoPrepared, MomoItemContext>;
