import { defineResource } from '../../../shared/description/resource';
import { check } from './check.operation';

export const healthcheck = defineResource(
	'healthcheck',
	[
		{
			name: 'Check',
			value: 'check',
			action: 'Check the API status (moves no money)',
			description: 'Ping the Conductor API to confirm it is reachable',
			implementation: check,
		},
	],
	'check',
);
