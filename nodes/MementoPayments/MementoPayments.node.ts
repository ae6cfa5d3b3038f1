import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { executeAction } from '../shared/execution/agent-tool';
import { resources } from './actions';
import { batchingOptions } from '../shared/execution/batching';
import { DEFAULT_PARALLEL_REQUESTS, router } from './actions/router';
import { loadOptions } from './methods';

export class MementoPayments implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Memento Payments',
		name: 'mementoPayments',
		icon: { light: 'file:../../icons/memento.svg', dark: 'file:../../icons/memento.dark.svg' },
		group: ['transform'],
		// Version 2: the PIN comes from the credential only; version 1 shows its old PIN field so it can be cleared.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send and request money, run money pools and manage contacts with Memento Payments',
		defaults: { name: 'Memento Payments' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mementoPaymentsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Activity', value: 'activity', description: 'Counts of new activity' },
					{ name: 'Announcement', value: 'announcement' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Device', value: 'device', description: 'The device of the session' },
					{ name: 'Fee', value: 'fee' },
					{ name: 'Image', value: 'image' },
					{ name: 'Moment', value: 'moment' },
					{ name: 'Money Pool', value: 'pool' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'Payment', value: 'payment' },
					{ name: 'Payment Source', value: 'paymentSource', description: 'Cards and accounts' },
					{ name: 'Request', value: 'request', description: 'Requests for money' },
					{
						name: 'Session',
						value: 'session',
						description: "Check the credential's session token",
					},
					{
						name: 'Token',
						value: 'token',
						description: 'Get the authentication token the credential needs',
					},
					{ name: 'Transaction', value: 'transaction' },
					{ name: 'User', value: 'user' },
					{ name: 'Verification', value: 'verification', description: 'Verify an email or phone' },
				],
				default: 'payment',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			batchingOptions(DEFAULT_PARALLEL_REQUESTS),
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAction(this, router);
	}
}
