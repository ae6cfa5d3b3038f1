import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { block } from './block.operation';
import { get } from './get.operation';
import { getCurrent } from './getCurrent.operation';
import { search } from './search.operation';
import { signup } from './signup.operation';
import { unblock } from './unblock.operation';
import { updateCurrent } from './updateCurrent.operation';

export const user = defineResource<MementoOperation>(
	'user',
	[
		{
			name: 'Block',
			value: 'block',
			action: 'Block a user (moves no money)',
			implementation: block,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a user (moves no money)',
			description: 'The public information of a user',
			implementation: get,
		},
		{
			name: 'Get Current',
			value: 'getCurrent',
			action: 'Get the current user (moves no money)',
			implementation: getCurrent,
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search for users (moves no money)',
			implementation: search,
		},
		{
			name: 'Sign Up',
			value: 'signup',
			action: 'Sign up a new user (moves no money)',
			implementation: signup,
		},
		{
			name: 'Unblock',
			value: 'unblock',
			action: 'Unblock a user (moves no money)',
			implementation: unblock,
		},
		{
			name: 'Update Current',
			value: 'updateCurrent',
			action: 'Update the current user (moves no money)',
			implementation: updateCurrent,
		},
	],
	'getCurrent',
);
