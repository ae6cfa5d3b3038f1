import { unfixedSafetyOption } from '../../nodes/shared/execution/agent-tool';

describe('Safety options of a node used as an AI Agent tool must be fixed by the workflow author', () => {
	it('accepts fixed values and expressions reading only what the author or the instance sets', () => {
		const safety = {
			validateOnly: true,
			maxAmountPerItem: 'EUR 500.00',
			maxTotalPerExecution: '={{ $vars.dailyCap }}',
			maxMovesPerExecution: '={{ Number($env.MAX_MOVES) }}',
		};
		expect(unfixedSafetyOption(safety, true)).toBeUndefined();
		expect(unfixedSafetyOption(safety, false)).toBeUndefined();
		expect(unfixedSafetyOption(undefined, true)).toBeUndefined();
	});

	it('refuses $fromAI() anywhere in Safety, as a tool or not', () => {
		const safety = { maxAmountPerItem: "={{ $fromAI('limit', 'the limit', 'string') }}" };
		for (const asTool of [true, false]) {
			expect(unfixedSafetyOption(safety, asTool)).toEqual({
				field: 'Safety > Maximum Amount per Item',
				reason: 'lets the model fill it ($fromAI)',
			});
		}
		expect(unfixedSafetyOption({ validateOnly: '={{ $fromai("dry") }}' }, false)?.field).toBe(
			'Safety > Validate Only',
		);
		// the whole collection as one expression
		expect(unfixedSafetyOption("={{ { maxAmountPerItem: $fromAI('x') } }}", true)?.field).toBe(
			'Safety',
		);
	});

	it('as a tool, refuses expressions reading the item, other nodes or parameters (what the model or a payload can set)', () => {
		const cases: Array<[string, string]> = [
			['={{ $json.limit }}', 'reads $json'],
			['={{ $input.first().json.limit }}', 'reads $input'],
			["={{ $('Webhook').item.json.body.limit }}", "reads another node's output ($('...'))"],
			['={{ $parameter.amount }}', 'reads $parameter'],
			['={{ $vars.cap + $json.extra }}', 'reads $json'],
		];
		for (const [expression, reads] of cases) {
			expect(unfixedSafetyOption({ maxTotalPerExecution: expression }, true)).toEqual({
				field: 'Safety > Maximum Total per Execution',
				reason: `${reads}, which the model or the incoming data can set`,
			});
			// in an ordinary workflow the author's own data flow may set a limit
			expect(unfixedSafetyOption({ maxTotalPerExecution: expression }, false)).toBeUndefined();
		}
	});
});
