import { defineResource } from '../../../shared/description/resource';
import type { MoneriumOperation } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { move } from './move.operation';
import { request } from './request.operation';

export const iban = defineResource<MoneriumOperation>(
	'iban',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get an IBAN (moves no money)',
			description: 'Get one IBAN',
			implementation: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many IBANs (moves no money)',
			description: 'List the IBANs of a profile',
			implementation: getMany,
		},
		{
			name: 'Move',
			value: 'move',
			action: 'Move an IBAN (moves no money)',
			description: 'Route an IBAN to another linked address and chain (partner privilege)',
			implementation: move,
		},
		{
			name: 'Request',
			value: 'request',
			action: 'Request an IBAN (moves no money)',
			description: 'Create an IBAN for an address and chain (partner privilege)',
			implementation: request,
		},
	],
	'getMany',
);
