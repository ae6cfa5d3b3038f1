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

export class MomentConductor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Moment Conductor',
		name: 'momentConductor',
		icon: {
			light: 'file:../../icons/momentConductor.svg',
			dark: 'file:../../icons/momentConductor.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Pay bills and order catalog products through Moment Conductor',
		defaults: { name: 'Moment Conductor' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'momentConductorApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Account',
						value: 'account',
						description: 'Customer accounts and bills at a biller',
					},
					{ name: 'Catalog', value: 'catalog', description: 'Biller product catalogs' },
					{ name: 'Healthcheck', value: 'healthcheck', description: 'API status' },
					{ name: 'Order', value: 'order', description: 'Orders of catalog products' },
					{
						name: 'Partner Transaction',
						value: 'partnerTransaction',
						description: 'Bill payments addressed by your external reference',
					},
					{
						name: 'Transaction',
						value: 'transaction',
						description: 'Bill payments for enquired bills',
					},
				],
				default: 'transaction',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			batchingOptions(DEFAULT_PARALLEL_REQUESTS),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAction(this, router);
	}
}
