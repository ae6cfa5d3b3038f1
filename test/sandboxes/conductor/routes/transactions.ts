// Transactions: create (documented), get (documented), complete and cancel (paths assumed).
import { randomUUID } from 'node:crypto';

import { ConductorError } from '../errors';
import { API_PREFIX, type RouteDef } from '../router';
import { nowIso, type ConductorState, type Transaction } from '../state';
import {
	bodyObject,
	onlyFields,
	parseComplete,
	parseMetaData,
	parsePaymentMethod,
	requireString,
} from '../validation';
import { lifecycleRoutes, view } from './lifecycle';
import { checkTotal, claimOrders, parseItems } from './transaction-items';

const BASE = `${API_PREFIX}/transactions`;
const CREATE_FIELDS = [
	'external_reference',
	'items',
	'amount',
	'complete',
	'payment_method',
	'meta_data',
];

function finder(state: ConductorState) {
	return (id: string) => state.transactions.get(id);
}

export const transactionRoutes: RouteDef[] = [
	{
		method: 'POST',
		pattern: BASE,
		requiresRetailer: true,
		prepare(request, state) {
			const body = bodyObject(request.body);
			onlyFields(body, CREATE_FIELDS);
			const externalReference = requireString(body, 'external_reference');
			const { items, total } = parseItems(body.items, state);
			checkTotal(body.amount, total);
			const complete = parseComplete(body.complete);
			const paymentMethod = parsePaymentMethod(body.payment_method, complete);
			const metaData = parseMetaData(body.meta_data) ?? {};
			return () => {
				if (state.transactionByExternalReference(externalReference)) {
					throw new ConductorError('INVALID_EXTERNAL_REFERENCE');
				}
				const id = randomUUID();
				claimOrders(items, state, id);
				const tx: Transaction = {
					id,
					external_reference: externalReference,
					retailer_id: request.retailerId as string,
					status: 'PENDING',
					items,
					amount: total,
					payment_method: complete ? null : (paymentMethod ?? null),
					meta_data: metaData,
					cancel_reason: null,
					created_at: nowIso(),
					completed_at: null,
					cancelled_at: null,
				};
				state.addTransaction(tx);
				state.stats.transactionsCreated += 1;
				if (complete) state.complete(tx, paymentMethod as string);
				return { status: 201, detail: 'Transaction created', data: view(tx) };
			};
		},
	},
	...lifecycleRoutes(BASE, finder),
];
