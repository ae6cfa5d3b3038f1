import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeRequest, type MoneyMoveSpec } from '../../shared/money/guard-money-moves';
import { maskCallbackTokens } from '../../shared/webhooks/callback-token';
import { withSignedCallback, type MomoSession } from '../transport';
import { subscriptionKeyField } from '../constants';
import { findPayment, settle } from './send-payment';
import type { MomoPrepared, PaymentPlan } from './types';

/** Stands for the access token in a dry run: Validate Only never fetches one. */
const TOKEN_NOT_FETCHED = 'Bearer (access token, not fetched)';

function planOf(prepared: MomoPrepared): PaymentPlan {
	// Only payment operations are guarded, and their prepare always sets the plan.
	return prepared.payment as PaymentPlan;
}

/**
 * The headers MoMo would receive for a payment: the request's own (X-Reference-Id,
 * X-Callback-Url), the transport's, and what the credential's authenticate adds.
 */
export function paymentHeaders(
	session: MomoSession,
	prepared: MomoPrepared,
): Record<string, string> {
	const { product } = planOf(prepared);
	return {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		...maskCallbackTokens(withSignedCallback(session, prepared.request.headers)),
		'X-Target-Environment': session.targetEnvironment,
		'Ocp-Apim-Subscription-Key': String(
			session.credentials.data?.[subscriptionKeyField(product)] ?? '',
		).trim(),
		Authorization: TOKEN_NOT_FETCHED,
	};
}

/** What a request to pay or transfer moves, the reference that makes a retry a replay, its dry run. */
export function momoMoneyMove(
	context: IExecuteFunctions,
	session: MomoSession,
): MoneyMoveSpec<MomoPrepared> {
	return {
		amountsOf: (prepared) => {
			const { currency, amount } = planOf(prepared);
			return [{ currency, amount }];
		},
		keyOf: (prepared) => planOf(prepared).referenceId,
		dryRun: (prepared) => {
			const plan = planOf(prepared);
			const dryRun: IDataObject = {
				...describeRequest({
					method: prepared.request.method,
					url: `${session.baseUrl}${prepared.request.path}`,
					headers: paymentHeaders(session, prepared),
					body: prepared.request.body,
				}),
				referenceId: plan.referenceId,
			};
			if (plan.wait) dryRun.waitForFinalStatus = { timeoutSeconds: plan.wait.timeoutMs / 1000 };
			return dryRun;
		},
		// A payment MoMo accepted but that ended FAILED (payer declined, not enough funds) moved nothing.
		moved: (result) => (result as IDataObject).status !== 'FAILED',
		// A reference an earlier run or execution used: its status is read before anything is sent.
		reconcile: async (prepared, itemIndex) => {
			const plan = planOf(prepared);
			const found = await findPayment(context, session, plan, itemIndex);
			return found && (await settle(context, session, plan, found, itemIndex));
		},
	};
}
