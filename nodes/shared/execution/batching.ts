import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

const MAX_PARALLEL_REQUESTS = 50;

/** The node's Batching collection: how many items are sent at once. */
export function batchingOptions(defaultParallelRequests: number): INodeProperties {
	return {
		displayName: 'Batching',
		name: 'batching',
		type: 'collection',
		placeholder: 'Add Batching Option',
		default: {},
		options: [
			{
				displayName: 'Parallel Requests',
				name: 'parallelRequests',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
				default: defaultParallelRequests,
				description: `How many items are sent to the provider at once (default ${defaultParallelRequests}; 1 sends them one after the other). Output keeps the input order; spending limits and duplicate checks hold exactly; on a 429 answer the whole node slows down.`,
			},
		],
	};
}

/** Parallel Requests as set on the node, or the provider's default. */
export function readParallelRequests(context: IExecuteFunctions, providerDefault: number): number {
	const batching = context.getNodeParameter('batching', 0, {}) as IDataObject;
	const value = Number(batching.parallelRequests ?? providerDefault);
	if (!Number.isFinite(value) || value < 1) return 1;
	return Math.min(MAX_PARALLEL_REQUESTS, Math.floor(value));
}
