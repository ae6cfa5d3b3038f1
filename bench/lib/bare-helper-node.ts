// The floor of what any node pays in n8n: `this.helpers.httpRequest` per item, with no credential,
// no parameters read per item and no checks. Bench-only; never part of the package.
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

import { transactionBody, transactionHeaders, type ConductorInfo } from './conductor';

export const BARE_HELPER_NODE_TYPE = 'bench.bareHelper';

export class BareHelperNode implements INodeType {
	description = {
		displayName: 'Bare Helper',
		name: 'bareHelper',
		group: ['transform'],
		version: 1,
		description: 'Sends each item with helpers.httpRequest and nothing else',
		defaults: { name: 'Bare Helper' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Target', name: 'target', type: 'json', default: '{}' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const info = JSON.parse(this.getNodeParameter('target', 0) as string) as ConductorInfo;
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < items.length; index++) {
			const { reference, idempotencyKey } = items[index].json as Record<string, string>;
			const body = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${info.baseUrl}/transactions`,
				headers: transactionHeaders(info, idempotencyKey),
				body: transactionBody(reference),
				json: true,
			})) as IDataObject;
			output.push({ json: (body.data ?? body) as IDataObject, pairedItem: { item: index } });
		}
		return [output];
	}
}
