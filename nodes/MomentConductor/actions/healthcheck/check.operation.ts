import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { ConductorOperation } from '../types';

const properties: INodeProperties[] = [];

export const check: ConductorOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['healthcheck'], operation: ['check'] } },
		properties,
	),
	prepare(_itemIndex, item) {
		// Conductor deduplicates every POST by key, so every POST carries one.
		return {
			method: 'POST',
			path: '/healthcheck',
			atRoot: true,
			idempotencyKey: item.derivedIdempotencyKey,
		};
	},
};
