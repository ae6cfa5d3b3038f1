import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError, optionalText } from '../description/field-validation';

/**
 * What makes two money moves "the same payment": the workflow, the node, the operation and the
 * payment instruction itself (a business reference such as an external reference, or else every
 * parameter the node resolved for the item). Nothing about the execution is in it, so n8n's Retry
 * of a failed execution, a re-delivered webhook or a re-run after a worker crash derive the same
 * key for the same instruction, and the provider (or the node's lookup) recognizes the repeat.
 */
export interface IdempotencyScope {
	workflowId: string | undefined;
	nodeId: string;
	/** `resource:operation`, so two operations on one instruction never share a key. */
	operation: string;
	/** `reference:<business reference>` or `parameters:<canonical JSON of the resolved parameters>`. */
	instruction: string;
}

/** The default Idempotency-Key (or orderID) of an instruction: same instruction, same key. */
export function deriveIdempotencyKey(scope: IdempotencyScope, prefix = 'n8n'): string {
	const material = [scope.workflowId ?? '', scope.nodeId, scope.operation, scope.instruction].join(
		'\u001f',
	);
	return `${prefix}-${createHash('sha256').update(material).digest('hex').slice(0, 48)}`;
}

/** JSON with object keys sorted at every depth, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry)).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, entry]) => entry !== undefined)
			.sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
		return `{${entries.map(([name, entry]) => `${JSON.stringify(name)}:${canonicalJson(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** The Idempotency Key option of a money move; `description` says what the default derives from. */
export function idempotencyKeyField(description: string): INodeProperties {
	return {
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		description,
	};
}

/** The key the user set in Options > Idempotency Key, or else the one derived for the item. */
export function resolveIdempotencyKey(
	options: IDataObject,
	item: { derivedIdempotencyKey: string },
): string {
	const own = optionalText(options.idempotencyKey);
	if (own === undefined) return item.derivedIdempotencyKey;
	if (own.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
		throw new FieldError(
			'Idempotency Key',
			`Idempotency Key is ${own.length} characters long; at most ${MAX_IDEMPOTENCY_KEY_LENGTH} are accepted`,
		);
	}
	return own;
}

/**
 * Parameters that do not change which payment an item asks for: the user's own key or reference
 * (which replaces the derived one), limits, how many items go at once, where status callbacks go,
 * how long to wait for a final status, and secrets.
 */
const NOT_PART_OF_THE_INSTRUCTION = new Set([
	'resource',
	'operation',
	'safety',
	'batching',
	'callbackUrl',
	'idempotencyKey',
	'referenceId',
	'orderId',
	'referenceFromExternalId',
	'waitForFinalStatus',
	'waitTimeout',
	'pollInterval',
	'pin',
]);

function withoutNonInstruction(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutNonInstruction);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([name]) => !NOT_PART_OF_THE_INSTRUCTION.has(name))
				.map(([name, entry]) => [name, withoutNonInstruction(entry)]),
		);
	}
	return value;
}

/** Every parameter of the node as resolved for this item (expressions evaluated). */
function resolvedInstruction(
	context: IExecuteFunctions,
	names: string[],
	itemIndex: number,
): string {
	const resolved: Record<string, unknown> = {};
	for (const name of names) resolved[name] = context.getNodeParameter(name, itemIndex, null);
	return canonicalJson(withoutNonInstruction(resolved));
}

/**
 * The identity of each item's payment instruction, from which its default idempotency key,
 * reference or orderID is derived. With a business reference the provider's document makes
 * unique (Conductor's external reference, MoMo's externalId), the instruction is that reference;
 * otherwise it is every parameter the node resolved for the item. No execution id, run or item
 * index goes in: n8n's Retry of a failed execution and a re-delivered webhook feed the same
 * items again, so they derive the same keys and the repeat is recognized instead of paid.
 */
export function idempotencyScopes(
	context: IExecuteFunctions,
	operation: string,
	referenceParameter?: string,
): (itemIndex: number) => IdempotencyScope {
	const workflowId = context.getWorkflow().id;
	const node = context.getNode();
	const nodeId = node.id;
	const names = Object.keys(node.parameters).filter(
		(name) => !NOT_PART_OF_THE_INSTRUCTION.has(name),
	);
	return (itemIndex) => {
		const reference =
			referenceParameter === undefined
				? ''
				: String(context.getNodeParameter(referenceParameter, itemIndex, '') ?? '').trim();
		const instruction =
			reference !== ''
				? `reference:${reference}`
				: `parameters:${resolvedInstruction(context, names, itemIndex)}`;
		return { workflowId, nodeId, operation, instruction };
	};
}
