import { sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { providerApiError } from '../../shared/errors';
import { callMomo, PROVIDER, momoApiError, type MomoSession } from '../transport';
import { isFinalStatus, paymentMismatch, presentPayment } from '../transport/payment-view';
import type { MomoProduct } from '../transport/tokens';
import type { MomoPrepared, PaymentPlan, WaitSettings } from './types';

const MAX_POLL_INTERVAL_MS = 30_000;

export function statusPath(product: MomoProduct, referenceId: string): string {
	const resource = product === 'collection' ? 'requesttopay' : 'transfer';
	return `/${product}/v1_0/${resource}/${encodeURIComponent(referenceId)}`;
}

export async function readPaymentStatus(
	context: IExecuteFunctions,
	session: MomoSession,
	product: MomoProduct,
	referenceId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await callMomo(
		context,
		session,
		{ method: 'GET', path: statusPath(product, referenceId), product, idempotent: true },
		itemIndex,
	);
	return presentPayment(product, referenceId, response.body);
}

/** Checks the status with growing pauses (n8n's sleep) until it is final or the time is up. */
async function waitForFinalStatus(
	context: IExecuteFunctions,
	session: MomoSession,
	plan: PaymentPlan,
	wait: WaitSettings,
	itemIndex: number,
): Promise<IDataObject> {
	const deadline = Date.now() + wait.timeoutMs;
	let interval = wait.initialIntervalMs;
	let checks = 0;
	for (;;) {
		const remaining = deadline - Date.now();
		if (remaining <= 0) break;
		await sleep(Math.min(interval, remaining));
		const view = await readPaymentStatus(
			context,
			session,
			plan.product,
			plan.referenceId,
			itemIndex,
		);
		checks++;
		if (isFinalStatus(view.status)) return { ...view, statusChecks: checks, timedOut: false };
		interval = Math.min(interval * 2, MAX_POLL_INTERVAL_MS);
	}
	const last = await readPaymentStatus(context, session, plan.product, plan.referenceId, itemIndex);
	return { ...last, statusChecks: checks + 1, timedOut: !isFinalStatus(last.status) };
}

/**
 * Sends a request to pay or transfer. A 409 RESOURCE_ALREADY_EXIST means an earlier try with the
 * same X-Reference-Id reached MoMo: the item then reports that payment's current status instead
 * of failing, after checking it is the same payment (amount, currency, party).
 */
export async function sendPayment(
	context: IExecuteFunctions,
	session: MomoSession,
	prepared: MomoPrepared,
	itemIndex: number,
): Promise<IDataObject> {
	const plan = prepared.payment as PaymentPlan;
	const created = await callMomo(context, session, prepared.request, itemIndex);
	const alreadyRequested = created.statusCode === 409;
	if (alreadyRequested && created.body.code !== 'RESOURCE_ALREADY_EXIST') {
		throw momoApiError(context, session, plan.product, 409, created.body, itemIndex);
	}
	let view: IDataObject;
	if (alreadyRequested) {
		view = await readPaymentStatus(context, session, plan.product, plan.referenceId, itemIndex);
		const mismatch = paymentMismatch(view, plan);
		if (mismatch) {
			throw providerApiError(context.getNode(), {
				provider: PROVIDER,
				statusCode: 409,
				type: 'RESOURCE_ALREADY_EXIST',
				detail: `reference ${plan.referenceId} already belongs to a different payment (${mismatch})`,
				hint: 'Each payment needs its own Reference ID. Clear the Reference ID option (or use distinct External IDs) so every item gets its own.',
				itemIndex,
				secrets: session.secrets,
			});
		}
	} else {
		const body = prepared.request.body ?? {};
		view = presentPayment(plan.product, plan.referenceId, { ...body, status: 'PENDING' });
	}
	if (plan.wait && !isFinalStatus(view.status)) {
		view = await waitForFinalStatus(context, session, plan, plan.wait, itemIndex);
	}
	return { ...view, alreadyRequested };
}
