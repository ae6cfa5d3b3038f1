// The workflows the queue-mode tests import: a production webhook receives a batch of payments and
// Split Out turns it into items, so each delivery is one execution that a worker picks up.
import { createTransactionParameters } from '../fixtures/conductor-parameters';
import { CONDUCTOR_CREDENTIAL_ID, MOMO_CREDENTIAL_ID } from '../e2e/providers';

export const PAYER_MSISDN = '46733123459';

/** Webhook paths (production: /webhook/<path>) of the batch workflows. */
export const BATCH_PATHS = {
	conductor: 'queue-conductor-batch',
	conductorByReference: 'queue-conductor-keyed-batch',
	momo: 'queue-momo-batch',
	floor: 'queue-floor-batch',
} as const;

export const BATCH_WORKFLOW_IDS = {
	conductor: 'queueCndBatch001',
	conductorByReference: 'queueCndKeyed001',
	momo: 'queueMomoBatch01',
	floor: 'queueFloorBatch1',
} as const;

function batchWorkflow(
	id: string,
	name: string,
	path: string,
	payNode: {
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		credentials?: unknown;
	},
): Record<string, unknown> {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-webhook`,
				name: 'Batch Received',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				id: `${id}-split`,
				name: 'One Item per Payment',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [240, 0],
				parameters: { fieldToSplitOut: 'body.payments', include: 'noOtherFields', options: {} },
			},
			{ id: `${id}-pay`, typeVersion: 1, position: [480, 0], ...payNode },
		],
		connections: {
			'Batch Received': { main: [[{ node: 'One Item per Payment', type: 'main', index: 0 }]] },
			'One Item per Payment': { main: [[{ node: payNode.name, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

function conductorPayNode(options: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	return {
		name: 'Pay Bill',
		type: 'n8n-nodes-payments-pack.momentConductor',
		parameters: createTransactionParameters({ options, ...extra }),
		credentials: {
			momentConductorApi: { id: CONDUCTOR_CREDENTIAL_ID, name: 'Conductor sandbox' },
		},
	};
}

export function batchWorkflows(): Array<Record<string, unknown>> {
	return [
		// the node's default idempotency keys (derived from each item's external reference)
		batchWorkflow(
			BATCH_WORKFLOW_IDS.conductor,
			'Queue: pay a batch of bills (Conductor)',
			BATCH_PATHS.conductor,
			conductorPayNode({}),
		),
		// what the README advises for queue mode: the key comes from the business data
		batchWorkflow(
			BATCH_WORKFLOW_IDS.conductorByReference,
			'Queue: pay a batch of bills, keys from the references (Conductor)',
			BATCH_PATHS.conductorByReference,
			// One by one: the worker is killed while the 10th payment is held, with 9 paid before it.
			conductorPayNode(
				{ idempotencyKey: "={{ 'bill-' + $json.reference }}" },
				{ batching: { parallelRequests: 1 } },
			),
		),
		batchWorkflow(
			BATCH_WORKFLOW_IDS.momo,
			'Queue: request a batch of payments (MTN MoMo)',
			BATCH_PATHS.momo,
			{
				name: 'Request Payment',
				type: 'n8n-nodes-payments-pack.mtnMomo',
				parameters: {
					resource: 'collection',
					operation: 'requestToPay',
					amount: '={{ $json.amount }}',
					currency: 'EUR',
					externalId: '={{ $json.orderId }}',
					partyIdType: 'MSISDN',
					partyId: PAYER_MSISDN,
					waitForFinalStatus: false,
					additionalFields: {},
					options: {},
				},
				credentials: { mtnMomoApi: { id: MOMO_CREDENTIAL_ID, name: 'MTN MoMo sandbox' } },
			},
		),
		// the floor: the same shape with n8n's own No Operation node as the last node
		batchWorkflow(
			BATCH_WORKFLOW_IDS.floor,
			'Queue: the same batches, n8n No Operation node (floor)',
			BATCH_PATHS.floor,
			{ name: 'Do Nothing', type: 'n8n-nodes-base.noOp', parameters: {} },
		),
	];
}
