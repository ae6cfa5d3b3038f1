import { forOperation } from '../operation.factory';
import { formatSince, sinceField } from '../since.fields';
import type { MementoOperation } from '../types';

export const getUpdates: MementoOperation = {
	description: forOperation('activity', 'getUpdates', [
		sinceField(true, 'Count the updates after this time (UTC)'),
	]),
	prepare(itemIndex) {
		const since = formatSince(this.getNodeParameter('since', itemIndex, ''), true) as string;
		return { method: 'GET', path: '/v1/activity/updates', qs: { since } };
	},
};
