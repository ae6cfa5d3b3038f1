import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { guardMoneyMoves } from '../../nodes/shared/money/guard-money-moves';

/** Just enough of an execute context for the guard: parameters, node context and the node. */
function fakeContext(safety: Record<string, unknown>): IExecuteFunctions {
	const nodeContext = {};
	return {
		getNodeParameter: () => safety,
		getContext: () => nodeContext,
		getNode: () => ({ name: 'Pay', type: 'test', typeVersion: 1 }) as INode,
	} as unknown as IExecuteFunctions;
}

describe('guardMoneyMoves', () => {
	it('refuses to send when a lookup cannot tell the amount while amount limits are set', async () => {
		const sent: string[] = [];
		const context = fakeContext({ maxTotalPerExecution: 'EUR 100' });
		const guarded = guardMoneyMoves(
			context,
			{ prepare: () => 'request', send: async (request) => (sent.push(request), { ok: true }) },
			{
				amountsOf: () => undefined,
				lookupAmounts: async () => undefined,
				keyOf: () => 'key-1',
				dryRun: () => ({}),
			},
		);
		const prepared = await guarded.prepare(0);
		await expect(guarded.send(prepared, 0)).rejects.toThrow(
			'The amount of this item is not known before sending, so the amount limits cannot be checked [item 0]',
		);
		expect(sent).toEqual([]);
	});

	it('without amount limits no lookup is made and the move is counted', async () => {
		let lookups = 0;
		const context = fakeContext({ maxMovesPerExecution: 1 });
		const guarded = guardMoneyMoves(
			context,
			{ prepare: (index) => `request-${index}`, send: async () => ({ ok: true }) },
			{
				amountsOf: () => undefined,
				lookupAmounts: async () => (lookups++, undefined),
				keyOf: (request) => request,
				dryRun: () => ({}),
			},
		);
		await guarded.send(await guarded.prepare(0), 0);
		await expect(guarded.send(await guarded.prepare(1), 1)).rejects.toThrow(
			/Maximum Money Moves per Execution is 1/,
		);
		expect(lookups).toBe(0);
	});
});
