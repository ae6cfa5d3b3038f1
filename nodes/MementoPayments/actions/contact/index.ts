import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { create } from './create.operation';
import { deleteContact } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const contact = defineResource<MementoOperation>(
	'contact',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a contact (moves no money)',
			description: 'From a Memento user, or from a name and phone number',
			implementation: create,
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a contact (moves no money)',
			implementation: deleteContact,
		},
		{ name: 'Get', value: 'get', action: 'Get a contact (moves no money)', implementation: get },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many contacts (moves no money)',
			implementation: getMany,
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a contact (moves no money)',
			implementation: update,
		},
	],
	'getMany',
);
