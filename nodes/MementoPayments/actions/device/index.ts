import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { getCurrent } from './getCurrent.operation';
import { updateCurrent } from './updateCurrent.operation';

export const device = defineResource<MementoOperation>(
	'device',
	[
		{
			name: 'Get Current',
			value: 'getCurrent',
			action: 'Get the current device (moves no money)',
			implementation: getCurrent,
		},
		{
			name: 'Update Current',
			value: 'updateCurrent',
			action: 'Update the current device (moves no money)',
			implementation: updateCurrent,
		},
	],
	'getCurrent',
);
