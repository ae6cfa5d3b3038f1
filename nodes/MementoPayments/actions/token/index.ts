import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { confirm } from './confirm.operation';
import { create } from './create.operation';
import { getStatus } from './getStatus.operation';

export const token = defineResource<MementoOperation>(
	'token',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Request an authentication token (moves no money)',
			description: 'Step 1: send the identity, authenticator and device',
			implementation: create,
		},
		{
			name: 'Confirm',
			value: 'confirm',
			action: 'Confirm an authentication token (moves no money)',
			description: 'Step 2: send the verification secret and PIN to approve the token',
			implementation: confirm,
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of an authentication token (moves no money)',
			implementation: getStatus,
		},
	],
	'create',
);
