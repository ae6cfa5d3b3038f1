import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const moment = defineResource<MementoOperation>(
	'moment',
	[
		{ name: 'Get', value: 'get', action: 'Get a moment (moves no money)', implementation: get },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many moments (moves no money)',
			implementation: getMany,
		},
	],
	'getMany',
);
