import { type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { MONERIUM_ACCEPT } from '../../../credentials/MoneriumOAuth2Api.credentials';
import { deriveReferenceUuid } from '../../shared/deterministic-uuid';
import { idempotencyScopes, selectOperation } from '../../shared/router';
import { executeItems, type ItemOperation } from '../../shared/execute-items';
import {
	describeRequest,
	withGuardsWhenMovingMoney,
	type MoneyMoveSpec,
} from '../../shared/money-guards';
import { callMonerium, openMoneriumSession, type MoneriumSession } from '../transport';
import type { MoneriumCall, MoneriumMoneyMove } from './types';
import { resources } from './index';

function requestOf(call: MoneriumCall) {
	if ('local' in call) throw new Error('A money move always sends a request');
	return call.request;
}

function moneyMoveSpec(
	session: MoneriumSession,
	moneyMove: MoneriumMoneyMove,
): MoneyMoveSpec<MoneriumCall> {
	return {
		amountsOf: (call) => moneyMove.amountsOf(requestOf(call)),
		keyOf: (call) => moneyMove.keyOf(requestOf(call)),
		dryRun: (call) => {
			const request = requestOf(call);
			return {
				...describeRequest({
					method: request.method,
					url: `${session.baseUrl}${request.path}`,
					qs: request.qs,
					headers: {
						Accept: MONERIUM_ACCEPT,
						'Content-Type': 'application/json',
						// n8n's OAuth2 layer adds the access token; Validate Only fetches none.
						Authorization: 'Bearer <access token>',
					},
					body: request.body,
				}),
				orderId: moneyMove.keyOf(request),
			};
		},
	};
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { resource, operationName, operation } = selectOperation(this, resources);
	const scopeOf = idempotencyScopes(this, `${resource}:${operationName}`);
	// Reading the credential fetches no token: n8n's OAuth2 layer does that on the first request.
	let session: MoneriumSession | undefined =
		operation.moneyMove !== undefined ? await openMoneriumSession(this) : undefined;

	const plain: ItemOperation<MoneriumCall> = {
		prepare: async (itemIndex) =>
			await operation.prepare.call(this, itemIndex, {
				derivedOrderId: deriveReferenceUuid(scopeOf(itemIndex)),
				now: new Date(),
			}),
		send: async (call, itemIndex): Promise<IDataObject | IDataObject[]> => {
			if ('local' in call) return call.local;
			session ??= await openMoneriumSession(this);
			let result = await callMonerium(this, session, call.request, itemIndex);
			if (result.statusCode === 409 && call.onConflict) {
				const existing = await callMonerium(this, session, call.onConflict, itemIndex);
				result = { statusCode: 409, body: existing.body };
			}
			return call.output ? call.output(result.body, result.statusCode) : result.body;
		},
	};
	const moneyMove =
		operation.moneyMove && session ? moneyMoveSpec(session, operation.moneyMove) : undefined;
	return [await executeItems(this, withGuardsWhenMovingMoney(this, plain, moneyMove))];
}
