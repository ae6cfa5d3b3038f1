// filter / sort / page / limit, as the Memento document describes them, enforced strictly.
import { validationError } from './http';

export type Item = Record<string, unknown>;

const OPERATORS = ['eq', 'gt', 'gte', 'lt', 'lte', 'in', 'like'] as const;
type Operator = (typeof OPERATORS)[number];

export interface Condition {
	field: string;
	operator: Operator;
	value: string | string[];
}

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

/** Splits on commas outside [...] lists. */
function splitTopLevel(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of text) {
		if (char === '[') depth++;
		if (char === ']') depth--;
		if (char === ',' && depth === 0) {
			parts.push(current);
			current = '';
		} else current += char;
	}
	parts.push(current);
	return parts;
}

export function parseFilter(text: string | undefined): Condition[] {
	if (text === undefined || text === '') return [];
	return splitTopLevel(text).map((part) => {
		const first = part.indexOf(':');
		const second = part.indexOf(':', first + 1);
		if (first < 1 || second < 0) {
			throw validationError([
				{ field: 'filter', message: `"${part}" is not field:operator:value` },
			]);
		}
		const field = part.slice(0, first);
		const operator = part.slice(first + 1, second) as Operator;
		const raw = part.slice(second + 1);
		if (!OPERATORS.includes(operator)) {
			throw validationError([{ field: 'filter', message: `unknown operator "${operator}"` }]);
		}
		if (raw === '') throw validationError([{ field: 'filter', message: `"${part}" has no value` }]);
		if (operator === 'in') {
			if (!/^\[[^[\]]+\]$/.test(raw)) {
				throw validationError([{ field: 'filter', message: `"in" takes a [list], got "${raw}"` }]);
			}
			return { field, operator, value: raw.slice(1, -1).split(',') };
		}
		if (/[[\]]/.test(raw)) {
			throw validationError([{ field: 'filter', message: `only "in" takes a list: "${part}"` }]);
		}
		return { field, operator, value: raw };
	});
}

export interface SortKey {
	field: string;
	descending: boolean;
}

export function parseSort(text: string | undefined): SortKey[] {
	if (text === undefined || text === '') return [];
	return text.split(',').map((part) => {
		const [field, direction, extra] = part.split(':');
		if (!field || extra !== undefined || (direction !== 'asc' && direction !== 'desc')) {
			throw validationError([
				{ field: 'sort', message: `"${part}" is not field:asc or field:desc` },
			]);
		}
		return { field, descending: direction === 'desc' };
	});
}

function positiveInt(value: string | undefined, field: string, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value) || Number(value) < 1) {
		throw validationError([
			{ field, message: `must be a whole number of at least 1 (got "${value}")` },
		]);
	}
	return Number(value);
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z?)?$/;

/** Comparable form: timestamps at nanosecond precision, numbers as numbers, else text. */
function comparable(value: unknown): string | number {
	if (typeof value === 'number') return value;
	const text = String(value);
	const match = TIMESTAMP.exec(text);
	if (match) return `${match[1]}T${match[2] ?? '00:00:00'}.${(match[3] ?? '').padEnd(9, '0')}`;
	if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
	return text;
}

function compare(a: unknown, b: unknown): number {
	const left = comparable(a);
	const right = comparable(b);
	if (typeof left === 'number' && typeof right === 'number') return left - right;
	return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
}

function matches(item: Item, condition: Condition): boolean {
	const actual = item[condition.field];
	if (actual === undefined || actual === null) return false;
	const { operator, value } = condition;
	if (operator === 'in') return (value as string[]).some((entry) => compare(actual, entry) === 0);
	if (operator === 'like')
		return String(actual).toLowerCase().includes(String(value).toLowerCase());
	const order = compare(actual, value);
	if (operator === 'eq') return order === 0;
	if (operator === 'gt') return order > 0;
	if (operator === 'gte') return order >= 0;
	if (operator === 'lt') return order < 0;
	return order <= 0;
}

export interface ListOptions {
	/** Fields that may be filtered and sorted besides those of the items. */
	virtualFields?: string[];
	/** Adds virtual fields (e.g. owner) to an item before filtering. */
	decorate?: (item: Item) => Item;
}

/**
 * Field names seen so far per collection, filled incrementally: each item is scanned (and
 * decorated) once, when the collection is first listed after it was added, so a page request
 * costs O(page) rather than O(collection). Collections are append-only arrays in the sandbox;
 * if one shrinks it is rescanned from the start. A collection is always listed by the same route,
 * so with the same kind of decoration (the closure itself is rebuilt per request).
 */
interface KnownFields {
	scanned: number;
	fields: Set<string>;
}

const knownFieldsByCollection = new WeakMap<Item[], KnownFields>();

function addFields(fields: Set<string>, items: Item[], from: number, options: ListOptions): void {
	for (let index = from; index < items.length; index++) {
		const item = options.decorate ? options.decorate(items[index]) : items[index];
		for (const field of Object.keys(item)) fields.add(field);
	}
}

/** Whether some (decorated) item of the collection, or a virtual field, has this field. */
function isKnownField(items: Item[], field: string, options: ListOptions): boolean {
	if (options.virtualFields?.includes(field)) return true;
	let known = knownFieldsByCollection.get(items);
	if (!known || known.scanned > items.length) {
		known = { scanned: 0, fields: new Set() };
		knownFieldsByCollection.set(items, known);
	}
	if (known.scanned < items.length) {
		addFields(known.fields, items, known.scanned, options);
		known.scanned = items.length;
	}
	if (known.fields.has(field)) return true;
	// Not seen: an existing item may have gained the field since it was scanned, so look at the
	// whole collection once more before refusing (only on this error path).
	known.fields.clear();
	addFields(known.fields, items, 0, options);
	return known.fields.has(field);
}

/** Applies the query to a collection and returns one page; unknown fields are a 422. */
export function listPage(
	items: Item[],
	query: Record<string, string>,
	options: ListOptions = {},
): Item[] {
	const conditions = parseFilter(query.filter);
	const sort = parseSort(query.sort);
	const page = positiveInt(query.page, 'page', 1);
	const limit = positiveInt(query.limit, 'limit', DEFAULT_LIMIT);
	if (limit > MAX_LIMIT)
		throw validationError([{ field: 'limit', message: `at most ${MAX_LIMIT}` }]);
	if (items.length > 0) {
		for (const field of [...conditions.map((c) => c.field), ...sort.map((s) => s.field)]) {
			if (!isKnownField(items, field, options)) {
				throw validationError([
					{ field: 'filter', message: `cannot filter or sort on "${field}"` },
				]);
			}
		}
	}
	const decorate = (item: Item): Item => (options.decorate ? options.decorate(item) : item);
	const start = (page - 1) * limit;
	// No filter and no sort: the page is a slice of the collection in its stored order, and only
	// the items on it are decorated.
	if (conditions.length === 0 && sort.length === 0) {
		return items.slice(start, start + limit).map(decorate);
	}
	const kept: Item[] = [];
	for (const item of items) {
		const decorated = decorate(item);
		if (conditions.every((condition) => matches(decorated, condition))) kept.push(decorated);
	}
	if (sort.length > 0) {
		kept.sort((a, b) => {
			for (const key of sort) {
				const order = compare(a[key.field], b[key.field]);
				if (order !== 0) return key.descending ? -order : order;
			}
			return 0;
		});
	}
	return kept.slice(start, start + limit);
}
