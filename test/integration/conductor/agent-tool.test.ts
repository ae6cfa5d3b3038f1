import {
	conductorNode,
	createTransactionParameters,
	useConductorSandbox,
} from './conductor.fixture';

// The Safety options hold for a node an AI Agent may fill: $fromAI() in them is refused before
// anything is sent (test/e2e/agent.e2e.test.ts runs the nodes as tools of a real agent).
describe('Moment Conductor: Safety options fixed by the workflow author', () => {
	const { sandbox, run } = useConductorSandbox();
	const create = (safety: Record<string, unknown>) =>
		conductorNode(
			'Create',
			createTransactionParameters({
				billItems: {
					bill: [{ id: 'bill_651574c0d016708b8b37b8ac', amount: '59.99', currency: 'ZAR' }],
				},
				safety,
			}),
		);

	it('refuses a limit the model would fill ($fromAI): nothing is sent', async () => {
		const result = await run({
			items: [{ reference: 'from-ai-1' }],
			nodes: [create({ maxAmountPerItem: "={{ $fromAI('limit', 'the limit', 'string') }}" })],
		});
		expect(result.error?.message).toBe(
			'Safety > Maximum Amount per Item lets the model fill it ($fromAI); the Safety options must be fixed by the workflow author. Nothing was sent.',
		);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('outside an agent, a limit may come from the workflow data (the author wires it)', async () => {
		const result = await run({
			items: [{ reference: 'json-limit-1', cap: 'ZAR 50.00' }],
			nodes: [create({ maxAmountPerItem: '={{ $json.cap }}' })],
		});
		expect(result.error?.message).toContain(
			'Maximum Amount per Item is ZAR 50.00; this item moves ZAR 59.99',
		);
		expect(sandbox().requests).toHaveLength(0);
	});
});
