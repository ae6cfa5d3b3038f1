import { describeValue, FieldError } from '../../shared/description/field-validation';

/**
 * Query-string filtering and sorting in the `field:operator:value` form some REST APIs use
 * (Memento: `filter=status:in:[open,closed],name:like:john&sort=created_at:desc,name:asc`).
 * Values are checked instead of escaped: the syntax has no escape, so a comma in a value would
 * silently become a second condition.
 */
export const FILTER_OPERATORS = ['eq', 'gt', 'gte', 'lt', 'lte', 'in', 'like'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface FilterCondition {
	field: string;
	operator: FilterOperator;
	/** A list only for `in`. */
	value: string | string[];
}

export interface SortRule {
	field: string;
	direction: SortDirection;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function requireFieldName(value: unknown, label: string): string {
	const name = typeof value === 'string' ? value.trim() : '';
	if (!FIELD_NAME.test(name)) {
		throw new FieldError(
			label,
			`${label} must be a field name such as status or created_at (got ${describeValue(value)})`,
			'Use letters, digits, underscores and dots only.',
		);
	}
	return name;
}

function requireOperator(value: unknown, label: string): FilterOperator {
	if (typeof value === 'string' && (FILTER_OPERATORS as readonly string[]).includes(value)) {
		return value as FilterOperator;
	}
	throw new FieldError(
		label,
		`${label} must be one of ${FILTER_OPERATORS.join(', ')} (got ${describeValue(value)})`,
	);
}

function checkScalar(value: string, label: string, forbidden: RegExp): string {
	const text = value.trim();
	if (text === '') throw new FieldError(label, `${label} is required for this filter`);
	if (forbidden.test(text)) {
		throw new FieldError(
			label,
			`${label} cannot contain ${forbidden === LIST_FORBIDDEN ? 'commas or square brackets inside a list' : 'a comma'}: ${JSON.stringify(text)}`,
			'The filter syntax separates conditions with commas and has no way to escape them; filter on a shorter part of the text (with "like"), or on another field.',
		);
	}
	return text;
}

const SCALAR_FORBIDDEN = /,/;
const LIST_FORBIDDEN = /[,[\]]/;

/** For `in`: an array, JSON text of an array, "[a,b]" or "a, b". */
export function parseListValue(raw: unknown, label: string): string[] {
	let entries: unknown[];
	if (Array.isArray(raw)) entries = raw;
	else {
		const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
		let parsed: unknown;
		if (text.startsWith('[')) {
			try {
				parsed = JSON.parse(text);
			} catch {
				parsed = undefined;
			}
		}
		entries = Array.isArray(parsed)
			? parsed
			: text
					.replace(/^\[|\]$/g, '')
					.split(',')
					.filter((entry) => entry.trim() !== '');
	}
	if (entries.length === 0) {
		throw new FieldError(
			label,
			`${label} needs at least one value for "in"`,
			'Enter values separated by commas, e.g. open, closed.',
		);
	}
	return entries.map((entry) => checkScalar(String(entry), label, LIST_FORBIDDEN));
}

/** Checks one condition as entered in the node (field, operator, value). */
export function readFilterCondition(
	input: { field?: unknown; operator?: unknown; value?: unknown },
	label = 'Filter',
): FilterCondition {
	const field = requireFieldName(input.field, `${label} Field`);
	const operator = requireOperator(input.operator, `${label} Operator`);
	const valueLabel = `${label} Value`;
	if (operator === 'in') return { field, operator, value: parseListValue(input.value, valueLabel) };
	const raw =
		typeof input.value === 'number' || typeof input.value === 'boolean'
			? String(input.value)
			: input.value;
	if (typeof raw !== 'string')
		throw new FieldError(valueLabel, `${valueLabel} is required for this filter`);
	return { field, operator, value: checkScalar(raw, valueLabel, SCALAR_FORBIDDEN) };
}

export function readSortRule(
	input: { field?: unknown; direction?: unknown },
	label = 'Sort',
): SortRule {
	const field = requireFieldName(input.field, `${label} Field`);
	const direction = input.direction ?? 'asc';
	if (direction !== 'asc' && direction !== 'desc') {
		throw new FieldError(
			`${label} Direction`,
			`${label} Direction must be asc or desc (got ${describeValue(direction)})`,
		);
	}
	return { field, direction };
}

/** `status:eq:open,status:in:[open,closed]`; undefined when there is no condition. */
export function buildFilterExpression(conditions: FilterCondition[]): string | undefined {
	if (conditions.length === 0) return undefined;
	return conditions
		.map(
			({ field, operator, value }) =>
				`${field}:${operator}:${Array.isArray(value) ? `[${value.join(',')}]` : value}`,
		)
		.join(',');
}

/** `created_at:desc,name:asc`; undefined when there is no rule. */
export function buildSortExpression(rules: SortRule[]): string | undefined {
	if (rules.length === 0) return undefined;
	return rules.map(({ field, direction }) => `${field}:${direction}`).join(',');
}
