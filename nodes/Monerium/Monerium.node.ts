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
import { listSearch, loadOptions } from './methods';

export class Monerium implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Monerium',
		name: 'monerium',
		icon: { light: 'file:../../icons/monerium.svg', dark: 'file:../../icons/monerium.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Move e-money with Monerium: profiles, addresses, balances, IBANs and orders',
		defaults: { name: 'Monerium' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'moneriumOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Address',
						value: 'address',
						description: 'Blockchain addresses linked to a profile',
					},
					{
						name: 'Auth',
						value: 'auth',
						description: 'Authentication context and partner sign-up',
					},
					{ name: 'Balance', value: 'balance', description: 'Token balances of an address' },
					{ name: 'File', value: 'file', description: 'Documents for KYC and orders' },
					{ name: 'IBAN', value: 'iban', description: 'IBANs routed to addresses' },
					{
						name: 'Order',
						value: 'order',
						description: 'Redeem orders to bank accounts or other chains',
					},
					{ name: 'Profile', value: 'profile', description: 'Customer profiles and their KYC' },
					{
						name: 'Token',
						value: 'token',
						description: 'E-money tokens and their contracts per chain',
					},
					{ name: 'Webhook', value: 'webhook', description: 'Notification subscriptions' },
				],
				default: 'order',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			batchingOptions(DEFAULT_PARALLEL_REQUESTS),
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAction(this, router);
	}
}
