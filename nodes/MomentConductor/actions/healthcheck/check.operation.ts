import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { ConductorOperation } from '../types';

const properties: INodeProperties[] = [];

export const check: ConductorOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['healthcheck'], operation: ['check'] } },
		properties,
	),
	prepare() {
		return { method: 'POST', path: '/healthcheck', atRoot: true };
	},
};
