import { defineResource } from '../../../shared/resource';
import type { MementoOperation } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const moment = defineResource<MementoOperation>(
	'moment',
	[
		{ name: 'Get', value: 'get', action: 'Get a moment', implementation: get },
		{ name: 'Get Many', value: 'getMany', action: 'Get many moments', implementation: getMany },
	],
	'getMany',
);
