import { updateDisplayOptions } from 'n8n-workflow';

import { safetyOptions } from '../../../shared/money/spending-limits';
import { orderBody, orderFields, orderOptions, readOrderBase } from '../order.fields';
import type { MomentoOperation } from '../types';

export const create: MomentoOperation = {
	description: updateDisplayOptions({ show: { resource: ['deposit'], operation: ['create'] } }, [
		...orderFields,
		orderOptions,
		safetyOptions,
	]),
	moneyMove: true,
	prepare(itemIndex, item) {
		const body = orderBody(readOrderBase(this, itemIndex, item), {}, item);
		return {
			method: 'POST',
			path: '/deposit_orders/',
			body,
			replay: { kind: 'deposit', orderID: String(body.orderID) },
		};
	},
};
