// Every money-moving operation in a real n8n 2.41, behind a webhook: a batch of 10 whose 6th item
// fails at the provider after the others were sent, then n8n's Retry of that execution through its
// REST API (the editor's "Retry with original workflow" and "Retry with currently saved workflow"),
// and the same batch delivered twice. Default keys come from the payment instruction, so the
// provider must hold exactly one move per item each time.
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { N8n } from './lib/n8n';
import { readRuntime } from './lib/runtime';
import { sharedPack } from './lib/setup';
import { waitForFinishedExecutions, waitUntil } from './lib/waits';
import {
	CONDUCTOR_OPERATIONS,
	MEMENTO_OPERATIONS,
	MOMENTO_OPERATIONS,
	MOMO_OPERATIONS,
	MONERIUM_OPERATIONS,
	type MoneyOperation,
} from './money/operations';
import { startMementoSandbox } from '../sandboxes/memento';
import { startMomoSandbox } from '../sandboxes/mtn-momo';
import { provider, type RunningSandbox } from './providers';

const OWNER = {
	email: 'money-retry@payments-pack.dev',
	password: `Money-${randomUUID()}-A1`,
	firstName: 'Money',
	lastName: 'Retry',
};

const OPERATIONS = [
	...CONDUCTOR_OPERATIONS,
	...MOMENTO_OPERATIONS,
	...MEMENTO_OPERATIONS,
	...MONERIUM_OPERATIONS,
	...MOMO_OPERATIONS,
] as MoneyOperation[];

function workflowId(operation: MoneyOperation): string {
	// n8n workflow ids are 16 characters here: a stable one per operation.
	return `mr${operation.id.replace(/[^a-z0-9]/gi, '').slice(-14)}`.padEnd(16, '0').slice(0, 16);
}

function workflowOf(operation: MoneyOperation): Record<string, unknown> {
	return {
		id: workflowId(operation),
		name: `Retry proof: ${operation.id}`,
		active: false,
		settings: { executionOrder: 'v1', saveDataErrorExecution: 'all' },
		nodes: [
			{
				id: randomUUID(),
				name: 'Batch',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: operation.id, responseMode: 'onReceived' },
			},
			{
				id: randomUUID(),
				name: 'One Item per Row',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.rows', include: 'noOtherFields' },
			},
			{
				// A stable node id: it is part of every derived key.
				id: `0f0e0d0c-0000-4000-8000-${workflowId(operation).slice(-12).padStart(12, '0')}`,
				name: 'Move Money',
				type: `n8n-nodes-payments-pack.${operation.nodeType}`,
				typeVersion: 1,
				position: [440, 0],
				parameters: operation.parameters,
				credentials: operation.credential,
			},
		],
		connections: {
			Batch: { main: [[{ node: 'One Item per Row', type: 'main', index: 0 }]] },
			'One Item per Row': { main: [[{ node: 'Move Money', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/**
 * Where a document is silent about repeats, the sandbox plays the reading that is worst for money:
 * Memento ignores Idempotency-Key, MoMo accepts a repeated X-Reference-Id as a new payment (Momento
 * and Monerium do not deduplicate by default).
 */
async function startSandbox(id: string): Promise<RunningSandbox> {
	if (id === 'memento') return await startMementoSandbox({ idempotency: 'ignore' });
	if (id === 'momo')
		return await startMomoSandbox({ repeatedReference: 'accept', settleAfterMs: 1500 });
	return await provider(id).startSandbox(0);
}

describe("every money move, n8n's Retry of a failed execution and re-delivered webhooks (n8n 2.41)", () => {
	let n8n: N8n;
	const sandboxes = new Map<string, RunningSandbox>();

	beforeAll(async () => {
		const providerIds = [...new Set(OPERATIONS.map((operation) => operation.provider))];
		for (const id of providerIds) sandboxes.set(id, await startSandbox(id));
		n8n = await N8n.create({ runtime: readRuntime(), pack: sharedPack(), label: 'money-retry' });
		await n8n.importCredentials(
			providerIds.flatMap((id) => provider(id).credentials(sandboxes.get(id)!)),
		);
		await n8n.importWorkflows(OPERATIONS.map(workflowOf));
		await n8n.start();
		await n8n.ensureOwner(OWNER);
		await n8n.createApiKey();
		for (const operation of OPERATIONS) await n8n.activate(workflowId(operation));
	});

	afterAll(async () => {
		await n8n?.dispose();
		for (const sandbox of sandboxes.values()) await sandbox.close();
	});

	async function deliver(operation: MoneyOperation, rows: IDataObject[]): Promise<void> {
		const response = await n8n.deliverWebhook(operation.id, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ rows }),
		});
		await response.arrayBuffer();
		expect(response.status).toBe(200);
	}

	async function finished(operation: MoneyOperation, count: number) {
		return await waitForFinishedExecutions(n8n, workflowId(operation), count, 90_000);
	}

	async function retry(operation: MoneyOperation, executionId: string, loadWorkflow: boolean) {
		const { status, data } = await n8n.rest('POST', `/rest/executions/${executionId}/retry`, {
			loadWorkflow,
		});
		if (status >= 300) throw new Error(`retry answered ${status}: ${JSON.stringify(data)}`);
		let outcome = '';
		await waitUntil(async () => {
			const executions = await n8n.executions(workflowId(operation), { includeData: false });
			outcome = executions.find((e) => e.retryOf === executionId)?.status ?? '';
			return ['success', 'error', 'crashed'].includes(outcome);
		}, 90_000);
		return outcome;
	}

	describe.each(OPERATIONS.map((operation) => [operation.id, operation] as const))(
		'%s',
		(_id, operation) => {
			const sandbox = () => sandboxes.get(operation.provider)!;
			const batch = async (tag: string) =>
				await Promise.all(
					Array.from(
						{ length: 10 },
						async (_, index) => await operation.item(sandbox(), tag, index),
					),
				);
			const markers = (rows: IDataObject[]) => rows.map((row) => String(row.marker)).sort();
			let executions = 0;

			it.each([
				['with the original workflow', false],
				['with the currently saved workflow', true],
			] as const)(
				'item 6 of 10 fails at the provider, then n8n Retry %s: each item moved once',
				async (_label, loadWorkflow) => {
					const tag = `${operation.id}-${loadWorkflow ? 'saved' : 'original'}-${randomUUID().slice(0, 6)}`;
					const rows = await batch(tag);
					const fix = operation.failItem(sandbox(), String(rows[5].marker));
					await deliver(operation, rows);
					executions += 1;
					const failed = (await finished(operation, executions)).find(
						(e) => e.status === 'error' && !e.retryOf,
					);
					expect(failed).toBeDefined();
					const paidBefore = operation.moves(sandbox(), tag);
					expect(paidBefore).not.toContain(String(rows[5].marker));
					expect(paidBefore.length).toBeGreaterThanOrEqual(5);

					fix();
					expect(await retry(operation, failed!.id, loadWorkflow)).toBe('success');
					executions += 1;
					expect(operation.moves(sandbox(), tag).sort()).toEqual(markers(rows));
				},
			);

			it('the same batch delivered twice: each item moved once', async () => {
				const tag = `${operation.id}-twice-${randomUUID().slice(0, 6)}`;
				const rows = await batch(tag);
				await deliver(operation, rows);
				executions += 1;
				await finished(operation, executions);
				await deliver(operation, rows);
				executions += 1;
				const all = await finished(operation, executions);
				expect(all.slice(0, 2).map((e) => e.status)).toEqual(['success', 'success']);
				expect(operation.moves(sandbox(), tag).sort()).toEqual(markers(rows));
			});
		},
	);
});
