import { defineResource } from '../../../shared/resource';
import type { MementoOperation } from '../types';
import { getCurrent } from './getCurrent.operation';
import { updateCurrent } from './updateCurrent.operation';

export const device = defineResource<MementoOperation>(
	'device',
	[
		{
			name: 'Get Current',
			value: 'getCurrent',
			action: 'Get the current device',
			implementation: getCurrent,
		},
		{
			name: 'Update Current',
			value: 'updateCurrent',
			action: 'Update the current device',
			implementation: updateCurrent,
		},
	],
	'getCurrent',
);
