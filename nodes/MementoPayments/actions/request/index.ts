import { defineResource } from '../../../shared/resource';
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
			action: 'Cancel a request for a participant',
			implementation: cancelParticipant,
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a request',
			description: 'Ask one or more people for money',
			implementation: create,
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a request',
			description: 'Only while no participant has responded',
			implementation: deleteRequest,
		},
		{ name: 'Get', value: 'get', action: 'Get a request', implementation: get },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many requests',
			description: 'Requests you created or received',
			implementation: getMany,
		},
		{
			name: 'Get Participant Receipt',
			value: 'getParticipantReceipt',
			action: 'Get the receipt of a participant',
			implementation: getParticipantReceipt,
		},
		{
			name: 'Get Receipt',
			value: 'getReceipt',
			action: 'Get the receipt of a paid request',
			implementation: getReceipt,
		},
		{
			name: 'Pay',
			value: 'pay',
			action: 'Pay a request',
			description: 'Pay as a participant from a payment source (needs the PIN)',
			implementation: pay,
		},
		{
			name: 'Reject',
			value: 'reject',
			action: 'Reject a request',
			description: 'Decline to pay as a participant',
			implementation: reject,
		},
		{
			name: 'Remind Participant',
			value: 'remind',
			action: 'Remind a participant to pay',
			implementation: remind,
		},
		{
			name: 'Settle Participant',
			value: 'settleParticipant',
			action: 'Mark a participant as paid',
			implementation: settleParticipant,
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a request',
			description: 'Change the description or image',
			implementation: update,
		},
	],
	'create',
);
