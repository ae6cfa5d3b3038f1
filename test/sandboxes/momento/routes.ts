// Endpoint handlers of the fake Momento API. Paths are relative to the base URL (/integrations).
import { ONBOARDING_BANK_ACCOUNTS, USD_QUOTES, WITHDRAWAL_BANKS } from './seed';
import { ApiProblem, publicOrder, type MomentoState } from './state';
import type { OrderKind } from './types';
import { validateOrder, validateUser } from './validation';

export interface RouteInput {
	params: Record<string, string>;
	query: Record<string, string>;
	body: unknown;
	/** Absolute URL of this request without the query, for pagination links. */
	selfUrl: string;
}

export interface RouteOutput {
	status: number;
	body: unknown;
}

export interface Route {
	method: 'GET' | 'POST';
	pattern: string;
	handle(state: MomentoState, input: RouteInput): RouteOutput;
}

const MAX_PAGE_SIZE = 100;

function positiveInteger(value: string | undefined, field: string, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value) || Number(value) < 1) {
		throw new ApiProblem(400, 'VALIDATION_ERROR', `${field} must be a positive integer.`, {
			[field]: ['A valid integer is required.'],
		});
	}
	return Number(value);
}

/** Django REST style page: { count, next, previous, results }. */
function paginate(items: unknown[], input: RouteInput): RouteOutput {
	const page = positiveInteger(input.query.page, 'page', 1);
	const pageSize = Math.min(positiveInteger(input.query.page_size, 'page_size', 20), MAX_PAGE_SIZE);
	const pages = Math.max(1, Math.ceil(items.length / pageSize));
	if (page > pages) throw new ApiProblem(404, 'NOT_FOUND', 'Invalid page.');
	const link = (target: number) => {
		const query = new URLSearchParams({ ...input.query, page: String(target) });
		return `${input.selfUrl}?${query.toString()}`;
	};
	return {
		status: 200,
		body: {
			count: items.length,
			next: page < pages ? link(page + 1) : null,
			previous: page > 1 ? link(page - 1) : null,
			results: items.slice((page - 1) * pageSize, page * pageSize),
		},
	};
}

function orderRoutes(kind: OrderKind, path: string): Route[] {
	return [
		{
			method: 'POST',
			pattern: path,
			handle: (state, input) => ({
				status: 201,
				body: publicOrder(state.createOrder(kind, validateOrder(input.body, kind))),
			}),
		},
		{
			method: 'GET',
			pattern: path,
			handle(state, input) {
				const { orderID, status, id_number: idNumber } = input.query;
				const byOrderId = orderID !== undefined && state.orderIdFilter === 'honoured';
				const orders = [...state.orders[kind]]
					.filter((order) => !byOrderId || order.orderID === orderID)
					.filter((order) => status === undefined || order.status === status)
					.filter((order) => idNumber === undefined || order.request.id_number === idNumber)
					.sort((a, b) => b.created_at.localeCompare(a.created_at))
					.map(publicOrder);
				return paginate(orders, input);
			},
		},
	];
}

export const ROUTES: Route[] = [
	{
		method: 'GET',
		pattern: '/onboarding_bank_accounts/',
		handle: () => ({ status: 200, body: structuredClone(ONBOARDING_BANK_ACCOUNTS) }),
	},
	{
		method: 'GET',
		pattern: '/usd_quotes/',
		handle: () => ({
			status: 200,
			body: USD_QUOTES.map((quote) => ({ ...quote, updated_at: new Date().toISOString() })),
		}),
	},
	{
		method: 'GET',
		pattern: '/withdrawal_banks/',
		handle: () => ({ status: 200, body: structuredClone(WITHDRAWAL_BANKS) }),
	},
	{
		method: 'POST',
		pattern: '/users/',
		handle: (state, input) => ({
			status: 201,
			body: structuredClone(state.createUser(validateUser(input.body))),
		}),
	},
	{
		method: 'GET',
		pattern: '/users/:id_number/',
		handle(state, input) {
			const user = state.users.get(input.params.id_number);
			if (!user) throw new ApiProblem(404, 'NOT_FOUND', 'User not found.');
			return { status: 200, body: structuredClone(user) };
		},
	},
	...orderRoutes('deposit', '/deposit_orders/'),
	...orderRoutes('withdrawal', '/withdrawal_orders/'),
];

export function matchRoute(
	method: string,
	path: string,
): { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | undefined {
	let pathMatched = false;
	for (const route of ROUTES) {
		const pattern = route.pattern.split('/');
		const segments = path.split('/');
		if (pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		const matches = pattern.every((part, index) => {
			if (!part.startsWith(':')) return part === segments[index];
			if (segments[index] === '') return false;
			params[part.slice(1)] = decodeURIComponent(segments[index]);
			return true;
		});
		if (!matches) continue;
		pathMatched = true;
		if (route.method === method) return { route, params };
	}
	return pathMatched ? { methodNotAllowed: true } : undefined;
}
