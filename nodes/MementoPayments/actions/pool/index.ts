import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { close } from './close.operation';
import { contribute } from './contribute.operation';
import { create } from './create.operation';
import { exportParticipants } from './exportParticipants.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getParticipants } from './getParticipants.operation';
import { invite } from './invite.operation';
import { update } from './update.operation';

export const pool = defineResource<MementoOperation>(
	'pool',
	[
		{
			name: 'Close',
			value: 'close',
			action: 'Close a money pool (moves no money)',
			description: 'Stop contributions; the pool becomes fulfilled and closed',
			implementation: close,
		},
		{
			name: 'Contribute',
			value: 'contribute',
			action:
				'Contribute to a money pool (pays into the pool and cannot be undone; the amount is a decimal string)',
			description:
				'Pay into a pool from a payment source (needs the PIN); a contribution cannot be undone. The amount is a decimal string (e.g. 12.50) in the currency of the payment source.',
			implementation: contribute,
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a money pool (moves no money)',
			implementation: create,
		},
		{
			name: 'Export Participants',
			value: 'exportParticipants',
			action: 'Email the list of participants (moves no money)',
			implementation: exportParticipants,
		},
		{ name: 'Get', value: 'get', action: 'Get a money pool (moves no money)', implementation: get },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many money pools (moves no money)',
			description: 'Pools you created and pools available to you',
			implementation: getMany,
		},
		{
			name: 'Get Participants',
			value: 'getParticipants',
			action: 'Get the participants of a money pool (moves no money)',
			implementation: getParticipants,
		},
		{
			name: 'Invite',
			value: 'invite',
			action: 'Invite users to a money pool (moves no money)',
			implementation: invite,
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a money pool (moves no money)',
			implementation: update,
		},
	],
	'getMany',
);
