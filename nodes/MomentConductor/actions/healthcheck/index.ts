import { defineResource } from '../resource.factory';
import { check } from './check.operation';

export const healthcheck = defineResource(
	'healthcheck',
	[
		{
			name: 'Check',
			value: 'check',
			action: 'Check the API status',
			description: 'Ping the Conductor API to confirm it is reachable',
			implementation: check,
		},
	],
	'check',
);
