import { updateDisplayOptions } from 'n8n-workflow';

import { addressLocator, readAddress } from '../common.fields';
import type { MoneriumOperation } from '../types';

export const get: MoneriumOperation = {
	description: updateDisplayOptions({ show: { resource: ['address'], operation: ['get'] } }, [
		addressLocator,
	]),
	prepare(itemIndex) {
		return { request: { method: 'GET', path: `/addresses/${readAddress(this, itemIndex)}` } };
	},
};
