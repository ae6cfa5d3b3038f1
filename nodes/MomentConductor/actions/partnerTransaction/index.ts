import { defineResource } from '../../../shared/description/resource';
import { cancel } from './cancel.operation';
import { complete } from './complete.operation';
import { create } from './create.operation';
import { get } from './get.operation';

export const partnerTransaction = defineResource(
	'partnerTransaction',
	[
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel a pending partner transaction (moves no money; cannot be undone)',
			description: 'Cancel a pending partner transaction whose payment could not be collected',
			implementation: cancel,
		},
		{
			name: 'Complete',
			value: 'complete',
			action: 'Complete a pending partner transaction (pays its bills; cannot be undone)',
			description:
				'Pay the bills of a pending partner transaction, for the amounts it was created with. A completed payment cannot be undone.',
			implementation: complete,
		},
		{
			name: 'Create',
			value: 'create',
			action:
				'Create a bill payment partner transaction (with Complete Now it pays at once and cannot be undone; amounts are decimal strings such as 59.99 with a currency code)',
			description:
				'Create a partner transaction addressed by your external reference. With Complete Now on, the bills are paid at once and the payment cannot be undone. Each amount is a decimal string (e.g. 59.99) in the ISO 4217 currency of the bill.',
			implementation: create,
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a partner transaction (moves no money)',
			description: 'Get the details and status of a partner transaction',
			implementation: get,
		},
	],
	'create',
);
