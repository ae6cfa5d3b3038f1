import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { create } from './create.operation';
import { deleteSource } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';
import { verify } from './verify.operation';

export const paymentSource = defineResource<MementoOperation>(
	'paymentSource',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a payment source (moves no money)',
			implementation: create,
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a payment source (moves no money)',
			implementation: deleteSource,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a payment source (moves no money)',
			implementation: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many payment sources (moves no money)',
			implementation: getMany,
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a payment source (moves no money)',
			implementation: update,
		},
		{
			name: 'Verify',
			value: 'verify',
			action: 'Verify a payment source (moves no money)',
			description: 'With the code sent e.g. to the card statement',
			implementation: verify,
		},
	],
	'getMany',
);
