import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { loadPackageNodeTypes } from '../harness/package-types';

/**
 * What a model reads about each operation when an action node is an AI Agent tool: n8n 2.41's
 * automatic tool description is "<the operation's action> in <the node's default name>".
 */
interface ToolText {
	node: string;
	operation: string;
	description: string;
	movesMoney: boolean;
}

const shownFor = (property: INodeProperties, resource: string, operation: string) => {
	const show = property.displayOptions?.show ?? {};
	return (
		(show.resource ?? [resource]).includes(resource) &&
		(show.operation ?? [operation]).includes(operation)
	);
};

function toolTexts(): ToolText[] {
	const texts: ToolText[] = [];
	for (const nodeType of loadPackageNodeTypes().values()) {
		const { description } = nodeType as INodeType;
		if (!description.usableAsTool) continue;
		const { properties } = description;
		for (const selector of properties.filter((p) => p.name === 'operation')) {
			for (const resource of (selector.displayOptions?.show?.resource ?? []) as string[]) {
				for (const option of selector.options as INodePropertyOptions[]) {
					const operation = String(option.value);
					texts.push({
						node: description.displayName,
						operation: `${resource}:${operation}`,
						description: `${option.action} in ${description.defaults.name}`,
						// a money move is an operation that offers the Safety options
						movesMoney: properties.some(
							(p) => p.name === 'safety' && shownFor(p, resource, operation),
						),
					});
				}
			}
		}
	}
	return texts;
}

describe('tool descriptions (what an AI Agent reads about each operation)', () => {
	const texts = toolTexts();

	it('covers every operation of the five action nodes; the money moves are those of README "Safety"', () => {
		expect(new Set(texts.map((t) => t.node)).size).toBe(5);
		expect(
			texts
				.filter((t) => t.movesMoney)
				.map((t) => `${t.node} ${t.operation}`)
				.sort(),
		).toEqual([
			'MTN MoMo collection:requestToPay',
			'MTN MoMo disbursement:transfer',
			'Memento Payments payment:create',
			'Memento Payments pool:contribute',
			'Memento Payments request:pay',
			'Moment Conductor order:create',
			'Moment Conductor partnerTransaction:complete',
			'Moment Conductor partnerTransaction:create',
			'Moment Conductor transaction:complete',
			'Moment Conductor transaction:create',
			'Momento deposit:create',
			'Momento withdrawal:create',
			'Monerium order:place',
		]);
	});

	it('says of every money move that it cannot be undone, and never that it moves no money', () => {
		const unclear = texts
			.filter((t) => t.movesMoney)
			.filter(
				(t) => !/cannot be undone/i.test(t.description) || /moves no money/i.test(t.description),
			);
		expect(unclear).toEqual([]);
	});

	it('names the money field format where the model may give an amount: a decimal string', () => {
		const withAmount = texts.filter((t) => t.movesMoney && !/:(complete|pay)$/.test(t.operation));
		expect(withAmount.filter((t) => !/decimal string/i.test(t.description))).toEqual([]);
	});

	it('says of every other operation that it moves no money', () => {
		expect(texts.filter((t) => !t.movesMoney && !/moves no money/i.test(t.description))).toEqual(
			[],
		);
	});

	it('keeps each description to one short paragraph in plain words', () => {
		for (const { description } of texts) {
			expect(description.length).toBeLessThanOrEqual(200);
			expect(description).not.toMatch(/<[a-z]|\{\{|\$[a-z]/i);
		}
	});
});
