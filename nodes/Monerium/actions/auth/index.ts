import { defineResource } from '../../../shared/description/resource';
import type { MoneriumOperation } from '../types';
import { getContext } from './getContext.operation';
import { signup } from './signup.operation';

export const auth = defineResource<MoneriumOperation>(
	'auth',
	[
		{
			name: 'Get Context',
			value: 'getContext',
			action: 'Get the authentication context (moves no money)',
			description: 'Who is authenticated, their roles and the profiles they can access',
			implementation: getContext,
		},
		{
			name: 'Sign Up',
			value: 'signup',
			action: 'Sign up a user (moves no money)',
			description: 'Create a user and profile from a validated email (partner privilege)',
			implementation: signup,
		},
	],
	'getContext',
);
