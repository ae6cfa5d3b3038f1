import { defineResource } from '../../../shared/description/resource';
import type { MoneriumOperation } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { link } from './link.operation';

export const address = defineResource<MoneriumOperation>(
	'address',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get an address (moves no money)',
			description: 'Get a linked address',
			implementation: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many addresses (moves no money)',
			description: 'List linked addresses',
			implementation: getMany,
		},
		{
			name: 'Link',
			value: 'link',
			action: 'Link an address (moves no money)',
			description: 'Link a wallet address to a profile with a signed ownership message',
			implementation: link,
		},
	],
	'getMany',
);
