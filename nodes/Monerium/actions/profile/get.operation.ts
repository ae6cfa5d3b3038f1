import { updateDisplayOptions } from 'n8n-workflow';

import { profileLocator, readProfile } from '../common.fields';
import type { MoneriumOperation } from '../types';

export const get: MoneriumOperation = {
	description: updateDisplayOptions({ show: { resource: ['profile'], operation: ['get'] } }, [
		profileLocator,
	]),
	prepare(itemIndex) {
		return { request: { method: 'GET', path: `/profiles/${readProfile(this, itemIndex)}` } };
	},
};
