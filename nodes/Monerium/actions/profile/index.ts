import { defineResource } from '../../../shared/description/resource';
import type { MoneriumOperation } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { submitDetails } from './submitDetails.operation';
import { submitForm } from './submitForm.operation';
import { submitVerifications } from './submitVerifications.operation';

export const profile = defineResource<MoneriumOperation>(
	'profile',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a profile (moves no money)',
			description: 'Get one profile',
			implementation: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many profiles (moves no money)',
			description: 'List the profiles your application can access',
			implementation: getMany,
		},
		{
			name: 'Submit Details',
			value: 'submitDetails',
			action: 'Submit profile details (moves no money)',
			description: 'Submit KYC details of a person or company (partner privilege)',
			implementation: submitDetails,
		},
		{
			name: 'Submit Form',
			value: 'submitForm',
			action: 'Submit profile form (moves no money)',
			description: 'Submit the banking form (partner privilege)',
			implementation: submitForm,
		},
		{
			name: 'Submit Verifications',
			value: 'submitVerifications',
			action: 'Submit profile verifications (moves no money)',
			description: 'Submit verifications such as ID documents (partner privilege)',
			implementation: submitVerifications,
		},
	],
	'getMany',
);
