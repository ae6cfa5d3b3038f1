import { orderListFields, prepareOrderList } from '../order-list.fields';
import type { MomentoOperation } from '../types';

export const getMany: MomentoOperation = {
	description: orderListFields('deposit'),
	prepare(itemIndex) {
		return prepareOrderList(this, itemIndex, '/deposit_orders/');
	},
};
