// Partner transactions: no items; addressed by external_transaction_id (= external_reference).
import { randomUUID } from 'node:crypto';

import { ConductorError } from '../errors';
import { parseMoney } from '../money';
import { API_PREFIX, type RouteDef } from '../router';
import { nowIso, type ConductorState, type PartnerTransaction } from '../state';
import {
	bodyObject,
	onlyFields,
	parseComplete,
	parseMetaData,
	parsePaymentMethod,
	parseReference,
	requireString,
	resolveBiller,
	resolveCustomer,
} from '../validation';
import { lifecycleRoutes, view } from './lifecycle';

const BASE = `${API_PREFIX}/partners/transactions`;
const CREATE_FIELDS = [
	'external_reference',
	'biller_code',
	'reference',
	'amount',
	'identifier',
	'complete',
	'payment_method',
	'meta_data',
];

function finder(state: ConductorState) {
	return (id: string) => state.partnerTransactions.get(id);
}

export const partnerRoutes: RouteDef[] = [
	{
		method: 'POST',
		pattern: BASE,
		requiresRetailer: true,
		prepare(request, state) {
			const body = bodyObject(request.body);
			onlyFields(body, CREATE_FIELDS);
			const externalReference = requireString(body, 'external_reference');
			const biller = resolveBiller(body.biller_code);
			resolveCustomer(biller, body.identifier);
			const reference = parseReference(biller, body.reference);
			const amount = parseMoney(body.amount);
			// The amount is paid to the biller: it must be in the biller's currency.
			if (amount.currency !== biller.currency) throw new ConductorError('INVALID_CURRENCY');
			const complete = parseComplete(body.complete);
			const paymentMethod = parsePaymentMethod(body.payment_method, complete);
			const metaData = parseMetaData(body.meta_data) ?? {};
			return () => {
				if (state.partnerTransactions.has(externalReference)) {
					throw new ConductorError('INVALID_EXTERNAL_REFERENCE');
				}
				const tx: PartnerTransaction = {
					id: randomUUID(),
					external_transaction_id: externalReference,
					external_reference: externalReference,
					retailer_id: request.retailerId as string,
					biller_code: biller.code,
					reference: reference ?? null,
					identifier: structuredClone(body.identifier),
					amount,
					status: 'PENDING',
					payment_method: complete ? null : (paymentMethod ?? null),
					meta_data: metaData,
					cancel_reason: null,
					created_at: nowIso(),
					completed_at: null,
					cancelled_at: null,
				};
				state.partnerTransactions.set(externalReference, tx);
				state.stats.partnerTransactionsCreated += 1;
				if (complete) state.complete(tx, paymentMethod as string);
				return { status: 201, detail: 'Transaction created', data: view(tx) };
			};
		},
	},
	...lifecycleRoutes(BASE, finder),
];
