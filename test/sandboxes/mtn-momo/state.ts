// What the fake MoMo remembers: API users, tokens, payments and their state machine.
import { randomBytes } from 'node:crypto';

import type { MomoPayment, MomoProduct, MomoStats } from './types';

export interface ApiUserRecord {
	id: string;
	providerCallbackHost: string;
	apiKey?: string;
}

interface TokenRecord {
	product: MomoProduct;
	userId: string;
	expiresAt: number;
}

/**
 * MTN's sandbox test numbers choose the outcome of a payment (momodeveloper.mtn.com, "Sandbox
 * test numbers"); the last two are this sandbox's own additions for the remaining reasons.
 */
export const TEST_MSISDNS = {
	failed: '46733123450',
	rejected: '46733123451',
	timeout: '46733123452',
	ongoing: '46733123453',
	pending: '46733123454',
	notEnoughFunds: '46733123455',
	notFound: '46733123456',
	success: '46733123459',
} as const;

export function outcomeFor(
	product: MomoProduct,
	partyId: string,
): { status: MomoPayment['status']; reason?: string } {
	switch (partyId) {
		case TEST_MSISDNS.failed:
			return { status: 'FAILED', reason: 'INTERNAL_PROCESSING_ERROR' };
		case TEST_MSISDNS.rejected:
			return { status: 'FAILED', reason: 'APPROVAL_REJECTED' };
		case TEST_MSISDNS.timeout:
			return { status: 'FAILED', reason: 'EXPIRED' };
		case TEST_MSISDNS.ongoing:
		case TEST_MSISDNS.pending:
			return { status: 'PENDING' };
		case TEST_MSISDNS.notEnoughFunds:
			return { status: 'FAILED', reason: 'NOT_ENOUGH_FUNDS' };
		case TEST_MSISDNS.notFound:
			return {
				status: 'FAILED',
				reason: product === 'collection' ? 'PAYER_NOT_FOUND' : 'PAYEE_NOT_FOUND',
			};
		default:
			return { status: 'SUCCESSFUL' };
	}
}

export function emptyStats(): MomoStats {
	return {
		tokenRequests: { collection: 0, disbursement: 0 },
		tokensIssued: 0,
		requestsToPay: 0,
		transfers: 0,
		duplicateReferences: 0,
		apiUsersCreated: 0,
		apiKeysCreated: 0,
	};
}

export class MomoState {
	readonly users = new Map<string, ApiUserRecord>();
	readonly tokens = new Map<string, TokenRecord>();
	readonly payments = new Map<string, MomoPayment>();
	readonly balances: Record<MomoProduct, { availableBalance: string; currency: string }> = {
		collection: { availableBalance: '1000.00', currency: 'EUR' },
		disbursement: { availableBalance: '5000.00', currency: 'EUR' },
	};
	stats = emptyStats();

	constructor(private readonly tokenTtlMs: number) {}

	issueToken(product: MomoProduct, userId: string): { token: string; expiresIn: number } {
		const token = randomBytes(24).toString('base64url');
		this.tokens.set(token, { product, userId, expiresAt: Date.now() + this.tokenTtlMs });
		this.stats.tokensIssued++;
		return { token, expiresIn: Math.max(1, Math.round(this.tokenTtlMs / 1000)) };
	}

	/** The user a bearer token belongs to, when it is valid for this product and not expired. */
	tokenUser(token: string, product: MomoProduct): ApiUserRecord | undefined {
		const record = this.tokens.get(token);
		if (!record || record.product !== product || record.expiresAt <= Date.now()) return undefined;
		return this.users.get(record.userId);
	}

	expireTokens(): void {
		for (const record of this.tokens.values()) record.expiresAt = 0;
	}

	paymentKey(product: MomoProduct, referenceId: string): string {
		return `${product}:${referenceId}`;
	}

	/** PENDING -> SUCCESSFUL/FAILED once the settle time has passed; true when it just settled. */
	settleIfDue(payment: MomoPayment, now = Date.now()): boolean {
		if (payment.status !== 'PENDING' || now < payment.settleAt) return false;
		const outcome = outcomeFor(payment.product, payment.party.partyId);
		if (outcome.status === 'PENDING') return false;
		payment.status = outcome.status;
		payment.reason = outcome.reason;
		if (outcome.status === 'SUCCESSFUL') {
			payment.financialTransactionId = String(Math.floor(Math.random() * 1e9));
		}
		return true;
	}

	reset(): void {
		this.tokens.clear();
		this.payments.clear();
		this.stats = emptyStats();
		this.balances.collection = { availableBalance: '1000.00', currency: 'EUR' };
		this.balances.disbursement = { availableBalance: '5000.00', currency: 'EUR' };
	}
}

/** The body MoMo returns for GET requesttopay/{id} or transfer/{id}, and sends to callbacks. */
export function paymentView(payment: MomoPayment): Record<string, unknown> {
	const view: Record<string, unknown> = {
		amount: payment.amount,
		currency: payment.currency,
		externalId: payment.externalId,
		[payment.product === 'collection' ? 'payer' : 'payee']: { ...payment.party },
		payerMessage: payment.payerMessage,
		payeeNote: payment.payeeNote,
		status: payment.status,
	};
	if (payment.financialTransactionId) view.financialTransactionId = payment.financialTransactionId;
	if (payment.reason) view.reason = payment.reason;
	return view;
}
