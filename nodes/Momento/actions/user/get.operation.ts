import { updateDisplayOptions } from 'n8n-workflow';

import type { MomentoOperation } from '../types';
import { idNumberField, readIdNumber, userOptions } from './fields';

export const get: MomentoOperation = {
	description: updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, [
		idNumberField,
		userOptions,
	]),
	prepare(itemIndex) {
		const idNumber = readIdNumber(this, itemIndex);
		return { method: 'GET', path: `/users/${encodeURIComponent(idNumber)}/` };
	},
};
