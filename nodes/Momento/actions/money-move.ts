import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MOMENTO_SIGNATURE_HEADER } from '../constants';
import { describeRequest, type MoneyMoveSpec } from '../../shared/money/guard-money-moves';
import { maskCallbackTokens } from '../../shared/webhooks/callback-token';
import type { MomentoSession } from '../transport';
import { findCreated } from '../transport/orders';
import { signCallbackUrl } from '../trigger/callback';
import { momentoJsonBody } from '../transport/json-body';
import type { MomentoRequest } from './types';

/** Stands for the signature in a dry run: the credential computes it only when sending. */
const SIGNATURE_NOT_COMPUTED = '(HMAC-SHA512 of signedBody with the Secret Key)';

/**
 * The body bytes the credential would sign and send: the transport serializes the body once with
 * `momentoJsonBody` and the credential signs that Buffer as is.
 */
export function signedBodyOf(request: MomentoRequest): string {
	return momentoJsonBody(request.body ?? {}).toString('utf8');
}

/** The headers Momento would receive: the transport's plus what the credential's authenticate adds. */
export function orderHeaders(): Record<string, string> {
	return {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		[MOMENTO_SIGNATURE_HEADER]: SIGNATURE_NOT_COMPUTED,
	};
}

/**
 * What a deposit or withdrawal order moves, its orderID (a replay is the same orderID), its dry
 * run, and how to find it when an earlier run or execution may have created it already.
 */
export function momentoMoneyMove(
	context: IExecuteFunctions,
	session: MomentoSession,
): MoneyMoveSpec<MomentoRequest> {
	return {
		amountsOf: (request) => {
			const body = (request.body ?? {}) as IDataObject;
			return [{ currency: String(body.currency), amount: String(body.amount) }];
		},
		keyOf: (request) => String((request.body ?? {}).orderID),
		dryRun: (request) => {
			// As sent: the callback URL with its token, which is then shown masked.
			const sent = { ...request, body: signCallbackUrl(request.body ?? {}, session.secretKey) };
			return maskCallbackTokens({
				...describeRequest({
					method: request.method,
					url: `${session.baseUrl}${request.path}`,
					headers: orderHeaders(),
					body: sent.body,
				}),
				signedBody: signedBodyOf(sent),
				orderID: String((request.body ?? {}).orderID),
			});
		},
		reconcile: async (request, itemIndex) => {
			const found = await findCreated(context, session, request, itemIndex);
			return found && { ...found, replayed: true };
		},
	};
}
