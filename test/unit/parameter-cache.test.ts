import type { IExecuteFunctions } from 'n8n-workflow';

import { withParameterCache } from '../../nodes/shared/execution/parameter-cache';

/** A context whose getNodeParameter resolves `={{ item }}` to the item index and counts calls. */
function fakeContext(parameters: Record<string, unknown>) {
	const calls: Array<[string, number]> = [];
	const context = {
		marker: 'the real context',
		getNode: () => ({ parameters }),
		whoAmI(this: { marker: string }) {
			return this.marker;
		},
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown) {
			calls.push([name, itemIndex]);
			const raw = name
				.split('.')
				.reduce<unknown>(
					(value, key) => (value as Record<string, unknown> | undefined)?.[key],
					parameters,
				);
			if (raw === undefined) return fallback;
			return JSON.parse(JSON.stringify(raw).replace(/"=\{\{ item \}\}"/g, String(itemIndex)));
		},
	};
	return { context: context as unknown as IExecuteFunctions & { whoAmI(): string }, calls };
}

describe('withParameterCache', () => {
	it('resolves a parameter without an expression once for every item', () => {
		const { context, calls } = fakeContext({ currency: 'EUR', options: { retailerId: 'r1' } });
		const cached = withParameterCache(context);
		for (let item = 0; item < 100; item++) {
			expect(cached.getNodeParameter('currency', item)).toBe('EUR');
			expect(cached.getNodeParameter('options', item, {})).toEqual({ retailerId: 'r1' });
		}
		expect(calls).toEqual([
			['currency', 0],
			['options', 0],
		]);
	});

	it('resolves a parameter holding an expression anywhere once per item', () => {
		const { context, calls } = fakeContext({
			reference: '={{ item }}',
			bills: { bill: [{ id: 'b1', amount: '={{ item }}' }] },
		});
		const cached = withParameterCache(context);
		for (let item = 0; item < 3; item++) {
			// Read twice per item, as the key derivation and the operation both do.
			expect(cached.getNodeParameter('reference', item)).toBe(item);
			expect(cached.getNodeParameter('reference', item)).toBe(item);
			expect(cached.getNodeParameter('bills', item)).toEqual({
				bill: [{ id: 'b1', amount: item }],
			});
		}
		expect(calls).toEqual([
			['reference', 0],
			['bills', 0],
			['reference', 1],
			['bills', 1],
			['reference', 2],
			['bills', 2],
		]);
	});

	it('gives every read its own copy, so changing one does not change the next item', () => {
		const { context } = fakeContext({ options: { retailerId: 'r1' } });
		const cached = withParameterCache(context);
		const first = cached.getNodeParameter('options', 0) as Record<string, unknown>;
		delete first.retailerId;
		expect(cached.getNodeParameter('options', 1)).toEqual({ retailerId: 'r1' });
	});

	it('leaves parameters the node does not have and every other method to the real context', () => {
		const { context, calls } = fakeContext({});
		const cached = withParameterCache(context);
		expect(cached.getNodeParameter('missing', 0, 'fallback')).toBe('fallback');
		expect(cached.getNodeParameter('missing', 1, 'fallback')).toBe('fallback');
		expect(calls).toHaveLength(2);
		expect((cached as typeof context).whoAmI()).toBe('the real context');
	});
});
