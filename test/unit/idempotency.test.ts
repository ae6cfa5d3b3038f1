import {
	canonicalJson,
	deriveIdempotencyKey,
	type IdempotencyScope,
} from '../../nodes/shared/money/idempotency';

describe('deriveIdempotencyKey', () => {
	const scope: IdempotencyScope = {
		workflowId: 'wf-7',
		nodeId: 'node-a',
		operation: 'transaction:create',
		instruction: 'reference:INV-1042',
	};

	it('is the same for the same instruction of the same node, whatever the execution', () => {
		expect(deriveIdempotencyKey(scope)).toBe(deriveIdempotencyKey({ ...scope }));
	});

	it.each([
		['another workflow', { workflowId: 'wf-8' }],
		['another node', { nodeId: 'node-b' }],
		['another operation', { operation: 'transaction:complete' }],
		['another instruction', { instruction: 'reference:INV-1043' }],
	])('differs for %s', (_label, change) => {
		expect(deriveIdempotencyKey({ ...scope, ...change })).not.toBe(deriveIdempotencyKey(scope));
	});

	it('does not let fields run into each other', () => {
		const a = deriveIdempotencyKey({ ...scope, workflowId: '1', nodeId: '2x' });
		const b = deriveIdempotencyKey({ ...scope, workflowId: '12', nodeId: 'x' });
		expect(a).not.toBe(b);
	});

	it('fits Conductor limits and carries its prefix', () => {
		const key = deriveIdempotencyKey(scope);
		expect(key).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(key.length).toBeLessThanOrEqual(255);
	});
});

describe('canonical JSON', () => {
	it('gives equal text for equal values whatever the key order, and drops undefined', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
			'{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
		);
		expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
		expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
	});
});
