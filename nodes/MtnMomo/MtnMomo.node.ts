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

export class MtnMomo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MTN MoMo',
		name: 'mtnMomo',
		icon: { light: 'file:../../icons/mtnMomo.svg', dark: 'file:../../icons/mtnMomo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Collect and pay out mobile money with the MTN MoMo Open API',
		defaults: { name: 'MTN MoMo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mtnMomoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Collection',
						value: 'collection',
						description:
							'Request payments from customers, check statuses, balance and account holders',
					},
					{
						name: 'Disbursement',
						value: 'disbursement',
						description: 'Pay out to MoMo accounts',
					},
					{
						name: 'Sandbox',
						value: 'sandbox',
						description: 'Create API users and keys in the MoMo sandbox (not in production)',
					},
				],
				default: 'collection',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			batchingOptions(DEFAULT_PARALLEL_REQUESTS),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAction(this, router);
	}
}
