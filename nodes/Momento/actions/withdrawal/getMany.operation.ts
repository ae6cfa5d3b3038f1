import { orderListFields, prepareOrderList } from '../order-list.fields';
import type { MomentoOperation } from '../types';

export const getMany: MomentoOperation = {
	description: orderListFields('withdrawal'),
	prepare(itemIndex) {
		return prepareOrderList(this, itemIndex, '/withdrawal_orders/');
	},
};
