import type { IExecuteFunctions, IGetNodeParameterOptions, INodeParameters } from 'n8n-workflow';

/** Whether a raw parameter value holds an expression anywhere (then it may differ per item). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** The raw value at a parameter path such as `options.idempotencyKey`, as n8n looks it up. */
function rawParameter(parameters: INodeParameters, path: string): unknown {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (!value || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function copyOf<T>(value: T): T {
	return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}

/**
 * The node's context, with `getNodeParameter` resolving each parameter once where n8n would do it
 * again: a parameter without an expression once per run (its value is the same for every item),
 * one with an expression once per item (the item's key and its request then see the same value,
 * even from an expression such as {{ $now }}). n8n resolves, cleans and validates a parameter anew
 * on every call, which was most of the time a batch spent checking its items before sending any.
 */
export function withParameterCache(context: IExecuteFunctions): IExecuteFunctions {
	const parameters = context.getNode().parameters;
	const resolved = new Map<string, unknown>();
	// Items are checked one after the other: what an item's expressions gave is kept until the next.
	let current = { itemIndex: -1, values: new Map<string, unknown>() };
	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown => {
		const raw = rawParameter(parameters, name);
		if (raw === undefined) return context.getNodeParameter(name, itemIndex, fallbackValue, options);
		const key = JSON.stringify([name, fallbackValue ?? null, options ?? null]);
		let values = resolved;
		if (holdsExpression(raw)) {
			if (current.itemIndex !== itemIndex) current = { itemIndex, values: new Map() };
			values = current.values;
		}
		if (!values.has(key)) {
			values.set(key, context.getNodeParameter(name, itemIndex, fallbackValue, options));
		}
		// A copy: an operation that changes what it read must not change what the next read gets.
		return copyOf(values.get(key));
	};
	return new Proxy(context, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		},
	});
}
