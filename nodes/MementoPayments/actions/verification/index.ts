import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { getStatus } from './getStatus.operation';
import { singleStep } from './singleStep.operation';
import { twoStep } from './twoStep.operation';

export const verification = defineResource<MementoOperation>(
	'verification',
	[
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of a verification (moves no money)',
			implementation: getStatus,
		},
		{
			name: 'Single Step',
			value: 'singleStep',
			action: 'Verify an email or phone in one step (moves no money)',
			implementation: singleStep,
		},
		{
			name: 'Two Step',
			value: 'twoStep',
			action: 'Verify an email or phone in two steps (moves no money)',
			description: 'Start (a code is sent), then Confirm with the code',
			implementation: twoStep,
		},
	],
	'twoStep',
);
