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
	prepare(itemIndex, context) {
		const body = orderBody(readOrderBase(this, itemIndex, context), {}, context);
		return {
			method: 'POST',
			path: '/deposit_orders/',
			body,
			replay: { kind: 'deposit', orderID: String(body.orderID) },
		};
	},
};
