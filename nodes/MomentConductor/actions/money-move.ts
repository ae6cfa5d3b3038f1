import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeRequest, type MoneyMoveSpec } from '../../shared/money/guard-money-moves';
import { callConductor, conductorHeaders, conductorUrl, type ConductorSession } from '../transport';
import type { ConductorMoneyMove, ConductorRequest } from './types';

/**
 * How a Conductor money move is guarded: its amounts (read with a GET when the request does not
 * carry them), its Idempotency-Key, and its Validate Only output. No lookup before a repeat:
 * Conductor documents that a repeated key replays the first answer.
 */
export function conductorMoneyMove(
	context: IExecuteFunctions,
	session: ConductorSession,
	moneyMove: ConductorMoneyMove,
): MoneyMoveSpec<ConductorRequest> {
	return {
		amountsOf: (request) => moneyMove.amountsOf(request),
		lookupAmounts: moneyMove.amountLookup
			? async (request, itemIndex) => {
					const lookup = moneyMove.amountLookup!(request);
					const { data } = await callConductor(context, session, lookup, itemIndex);
					const amount = data.amount as { currency: string; value: string } | undefined;
					return amount ? [{ currency: amount.currency, amount: amount.value }] : undefined;
				}
			: undefined,
		keyOf: (request) => request.idempotencyKey,
		dryRun: (request) => ({
			...describeRequest({
				method: request.method,
				url: conductorUrl(session, request),
				qs: request.qs,
				headers: { ...conductorHeaders(request), Authorization: 'Bearer' },
				body: (request.body ?? {}) as IDataObject,
			}),
			idempotencyKey: request.idempotencyKey ?? null,
		}),
	};
}
