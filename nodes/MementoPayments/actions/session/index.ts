import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { verify } from './verify.operation';

export const session = defineResource<MementoOperation>(
	'session',
	[
		{
			name: 'Verify',
			value: 'verify',
			action: 'Verify the session token (moves no money)',
			description: "Check that Memento accepts the credential's current session token",
			implementation: verify,
		},
	],
	'verify',
);
