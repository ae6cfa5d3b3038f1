import type { INodePropertyOptions } from 'n8n-workflow';

export interface TriggerEvent {
	option: INodePropertyOptions;
	path(poolUuid: string): string;
	/** The document mentions an owner filter for these lists. */
	owner?: boolean;
}

export const TRIGGER_EVENTS: Record<string, TriggerEvent> = {
	payment: {
		option: { name: 'New Payment', value: 'payment', description: 'A payment sent or received' },
		path: () => '/v1/payments',
		owner: true,
	},
	request: {
		option: { name: 'New Request', value: 'request', description: 'A request for money' },
		path: () => '/v1/requests',
		owner: true,
	},
	transaction: {
		option: {
			name: 'New Transaction',
			value: 'transaction',
			description: 'Money in or out of a payment source',
		},
		path: () => '/v1/transactions',
	},
	notification: {
		option: { name: 'New Notification', value: 'notification' },
		path: () => '/v1/notifications',
	},
	poolContribution: {
		option: {
			name: 'New Pool Contribution',
			value: 'poolContribution',
			description: 'A contribution to a money pool',
		},
		path: (poolUuid) => `/v1/pools/${encodeURIComponent(poolUuid)}/contributions`,
	},
};
