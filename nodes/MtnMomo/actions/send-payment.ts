import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { markOutcomeUnknown, providerApiError } from '../../shared/execution/errors';
import { sendOnceOrFind } from '../../shared/money/send-once';
import { callMomo, PROVIDER, momoApiError, type MomoSession } from '../transport';
import { isFinalStatus, paymentMismatch, presentPayment } from '../transport/payment-view';
import type { MomoProduct } from '../constants';
import type { MomoPrepared, PaymentPlan, WaitSettings } from './types';

const MAX_POLL_INTERVAL_MS = 30_000;

export function statusPath(product: MomoProduct, referenceId: string): string {
	const resource = product === 'collection' ? 'requesttopay' : 'transfer';
	return `/${product}/v1_0/${resource}/${encodeURIComponent(referenceId)}`;
}

/**
 * Runs a status read of a payment MoMo accepted. If the read fails (429, 5xx, no answer) the
 * payment still exists: the error says so and marks the outcome unknown, so the payment stays
 * counted against the spending limits.
 */
async function afterAccepted<T>(
	context: IExecuteFunctions,
	plan: PaymentPlan,
	itemIndex: number,
	read: () => Promise<T>,
): Promise<T> {
	try {
		return await read();
	} catch (caught) {
		const error =
			caught instanceof NodeApiError || caught instanceof NodeOperationError
				? caught
				: new NodeOperationError(context.getNode(), caught as Error, { itemIndex });
		error.description = [
			`MoMo accepted this payment (X-Reference-Id ${plan.referenceId}) but its status could not be read, so it counts as sent. Running the item again reads the status by that reference instead of paying again.`,
			error.description,
		]
			.filter(Boolean)
			.join(' ');
		throw markOutcomeUnknown(error);
	}
}

/**
 * The payment MoMo holds under the plan's X-Reference-Id (GET of its status, documented), or
 * undefined when MoMo answers 404: the lookup proves it was never made. A payment under that
 * reference that differs from the plan is refused, never reported as this one.
 */
export async function findPayment(
	context: IExecuteFunctions,
	session: MomoSession,
	plan: PaymentPlan,
	itemIndex: number,
	accepted = false,
): Promise<IDataObject | undefined> {
	const read = async () =>
		await callMomo(
			context,
			session,
			{
				method: 'GET',
				path: statusPath(plan.product, plan.referenceId),
				product: plan.product,
				idempotent: true,
				accept: [404],
			},
			itemIndex,
		);
	const response = accepted ? await afterAccepted(context, plan, itemIndex, read) : await read();
	if (response.statusCode === 404) return undefined;
	const view = presentPayment(plan.product, plan.referenceId, response.body);
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
	return { ...view, alreadyRequested: true };
}

/** Checks the status with growing pauses (n8n's sleep) until it is final or the time is up. */
async function waitForFinalStatus(
	context: IExecuteFunctions,
	session: MomoSession,
	plan: PaymentPlan,
	wait: WaitSettings,
	itemIndex: number,
): Promise<IDataObject> {
	const read = async () =>
		(await findPayment(context, session, plan, itemIndex, true)) ??
		// Accepted, then unknown to MoMo: nothing proves it was not made.
		(await afterAccepted(context, plan, itemIndex, async () => {
			throw momoApiError(context, session, plan.product, 404, {}, itemIndex);
		}));
	const deadline = Date.now() + wait.timeoutMs;
	let interval = wait.initialIntervalMs;
	let checks = 0;
	for (;;) {
		const remaining = deadline - Date.now();
		if (remaining <= 0) break;
		await sleep(Math.min(interval, remaining));
		const view = await read();
		checks++;
		if (isFinalStatus(view.status)) return { ...view, statusChecks: checks, timedOut: false };
		interval = Math.min(interval * 2, MAX_POLL_INTERVAL_MS);
	}
	const last = await read();
	return { ...last, statusChecks: checks + 1, timedOut: !isFinalStatus(last.status) };
}

/** With Wait for Final Status, polls a payment that is not final yet. */
export async function settle(
	context: IExecuteFunctions,
	session: MomoSession,
	plan: PaymentPlan,
	view: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	if (!plan.wait || isFinalStatus(view.status)) return view;
	const final = await waitForFinalStatus(context, session, plan, plan.wait, itemIndex);
	return { ...final, alreadyRequested: view.alreadyRequested };
}

/**
 * One POST of a request to pay or transfer. A 409 RESOURCE_ALREADY_EXIST means an earlier try
 * with the same X-Reference-Id reached MoMo: the item then reports that payment (after checking
 * it is the same payment) instead of failing.
 */
async function requestOnce(
	context: IExecuteFunctions,
	session: MomoSession,
	prepared: MomoPrepared,
	itemIndex: number,
): Promise<IDataObject> {
	const plan = prepared.payment as PaymentPlan;
	const created = await callMomo(context, session, prepared.request, itemIndex);
	if (created.statusCode !== 409) {
		const body = prepared.request.body ?? {};
		const view = presentPayment(plan.product, plan.referenceId, { ...body, status: 'PENDING' });
		return { ...view, alreadyRequested: false };
	}
	const found =
		created.body.code === 'RESOURCE_ALREADY_EXIST'
			? await findPayment(context, session, plan, itemIndex, true)
			: undefined;
	if (!found) throw momoApiError(context, session, plan.product, 409, created.body, itemIndex);
	return found;
}

/**
 * Sends a request to pay or transfer once. The document promises nothing about a repeated
 * X-Reference-Id, so after an unknown outcome (no answer, 5xx) the status is read by reference and
 * the request is sent again only when MoMo answers 404. A 429 (MoMo did not act) is sent again
 * after waiting. Output `reconciled: true` when the payment was found by that read.
 */
export async function sendPayment(
	context: IExecuteFunctions,
	session: MomoSession,
	prepared: MomoPrepared,
	itemIndex: number,
): Promise<IDataObject> {
	const plan = prepared.payment as PaymentPlan;
	const { result, foundByLookup } = await sendOnceOrFind({
		send: async () => await requestOnce(context, session, prepared, itemIndex),
		lookup: async () => await findPayment(context, session, plan, itemIndex),
	});
	const view = await settle(context, session, plan, result, itemIndex);
	return foundByLookup ? { ...view, reconciled: true } : view;
}
