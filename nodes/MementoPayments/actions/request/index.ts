import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { cancelParticipant } from './cancelParticipant.operation';
import { create } from './create.operation';
import { deleteRequest } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getParticipantReceipt } from './getParticipantReceipt.operation';
import { getReceipt } from './getReceipt.operation';
import { pay } from './pay.operation';
import { reject } from './reject.operation';
import { remind } from './remind.operation';
import { settleParticipant } from './settleParticipant.operation';
import { update } from './update.operation';

export const request = defineResource<MementoOperation>(
	'request',
	[
		{
			name: 'Cancel Participant',
			value: 'cancelParticipant',
			action: 'Cancel a request for a participant (moves no money)',
			implementation: cancelParticipant,
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a request (moves no money)',
			description: 'Ask one or more people for money',
			implementation: create,
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a request (moves no money)',
			description: 'Only while no participant has responded',
			implementation: deleteRequest,
		},
		{ name: 'Get', value: 'get', action: 'Get a request (moves no money)', implementation: get },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many requests (moves no money)',
			description: 'Requests you created or received',
			implementation: getMany,
		},
		{
			name: 'Get Participant Receipt',
			value: 'getParticipantReceipt',
			action: 'Get the receipt of a participant (moves no money)',
			implementation: getParticipantReceipt,
		},
		{
			name: 'Get Receipt',
			value: 'getReceipt',
			action: 'Get the receipt of a paid request (moves no money)',
			implementation: getReceipt,
		},
		{
			name: 'Pay',
			value: 'pay',
			action: 'Pay a request (pays your share of it and cannot be undone)',
			description:
				'Pay your share of a request as a participant, from a payment source (needs the PIN); a payment cannot be undone. The amount is the one the request asks of you.',
			implementation: pay,
		},
		{
			name: 'Reject',
			value: 'reject',
			action: 'Reject a request (moves no money)',
			description: 'Decline to pay as a participant',
			implementation: reject,
		},
		{
			name: 'Remind Participant',
			value: 'remind',
			action: 'Remind a participant to pay (moves no money)',
			implementation: remind,
		},
		{
			name: 'Settle Participant',
			value: 'settleParticipant',
			action: 'Mark a participant as paid (moves no money)',
			implementation: settleParticipant,
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a request (moves no money)',
			description: 'Change the description or image',
			implementation: update,
		},
	],
	'create',
);
