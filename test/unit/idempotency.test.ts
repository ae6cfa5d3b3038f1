import { deriveIdempotencyKey, type IdempotencyScope } from '../../nodes/shared/idempotency';

describe('deriveIdempotencyKey', () => {
	const scope: IdempotencyScope = {
		executionId: '1042',
		workflowId: 'wf-7',
		nodeId: 'node-a',
		runIndex: 0,
		itemIndex: 3,
		operation: 'transaction:create',
	};

	it('is the same for the same item of the same node in the same execution', () => {
		expect(deriveIdempotencyKey(scope)).toBe(deriveIdempotencyKey({ ...scope }));
	});

	it.each([
		['another execution', { executionId: '1043' }],
		['another workflow', { workflowId: 'wf-8' }],
		['another node', { nodeId: 'node-b' }],
		['another item', { itemIndex: 4 }],
		['another run of the node (a loop)', { runIndex: 1 }],
		['another operation', { operation: 'transaction:complete' }],
	])('differs for %s', (_label, change) => {
		expect(deriveIdempotencyKey({ ...scope, ...change })).not.toBe(deriveIdempotencyKey(scope));
	});

	it('does not let fields run into each other', () => {
		const a = deriveIdempotencyKey({ ...scope, executionId: '1', nodeId: '2x' });
		const b = deriveIdempotencyKey({ ...scope, executionId: '12', nodeId: 'x' });
		expect(a).not.toBe(b);
	});

	it('fits Conductor limits and carries its prefix', () => {
		const key = deriveIdempotencyKey(scope);
		expect(key).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(key.length).toBeLessThanOrEqual(255);
	});
});
