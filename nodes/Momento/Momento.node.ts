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
import { getWithdrawalBanks } from './methods/loadOptions';

export class Momento implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Momento',
		name: 'momento',
		icon: { light: 'file:../../icons/momento.svg', dark: 'file:../../icons/momento.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Deposits (pay-ins) and withdrawals (pay-outs) in DOP and USD with El Momento',
		defaults: { name: 'Momento' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'momentoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Bank', value: 'bank', description: 'Onboarding accounts and withdrawal banks' },
					{ name: 'Deposit', value: 'deposit', description: 'Deposit orders (pay-ins)' },
					{ name: 'Quote', value: 'quote', description: 'USD exchange quotes' },
					{ name: 'User', value: 'user', description: 'Customers registered with Momento' },
					{ name: 'Withdrawal', value: 'withdrawal', description: 'Withdrawal orders (pay-outs)' },
				],
				default: 'deposit',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			batchingOptions(DEFAULT_PARALLEL_REQUESTS),
		],
	};

	methods = { loadOptions: { getWithdrawalBanks } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAction(this, router);
	}
}
