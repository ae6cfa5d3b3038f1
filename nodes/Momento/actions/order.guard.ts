import type { IDataObject } from 'n8n-workflow';

import { MOMENTO_SIGNATURE_HEADER } from '../../../credentials/MomentoApi.credentials';
import { describeRequest, type MoneyMoveSpec } from '../../shared/money-guards';
import type { MomentoSession } from '../transport';
import { momentoJsonBody } from '../transport/json-body';
import type { MomentoRequest } from './types';

/** Stands for the signature in a dry run: the credential computes it only when sending. */
const SIGNATURE_NOT_COMPUTED = '(HMAC-SHA512 of signedBody with the Secret Key)';

/**
 * The body bytes the credential would sign and send: the transport serialises the body once with
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

/** What a deposit or withdrawal order moves, its orderID (a replay is the same orderID), its dry run. */
export function momentoMoneyMove(session: MomentoSession): MoneyMoveSpec<MomentoRequest> {
	return {
		amountsOf: (request) => {
			const body = (request.body ?? {}) as IDataObject;
			return [{ currency: String(body.currency), amount: String(body.amount) }];
		},
		keyOf: (request) => String((request.body ?? {}).orderID),
		dryRun: (request) => ({
			...describeRequest({
				method: request.method,
				url: `${session.baseUrl}${request.path}`,
				headers: orderHeaders(),
				body: request.body,
			}),
			signedBody: signedBodyOf(request),
			orderID: String((request.body ?? {}).orderID),
		}),
	};
}
