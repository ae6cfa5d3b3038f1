// Route table and path matching. A route validates first (prepare) and then executes.
import type { ConductorState } from './state';

export const API_PREFIX = '/conductor/v1';

export interface RouteRequest {
	method: string;
	/** Full path, e.g. '/conductor/v1/transactions/abc'. */
	path: string;
	params: Record<string, string>;
	query: Record<string, string>;
	body: unknown;
	/** Checked Retailer-Id (only set for routes that require it). */
	retailerId?: string;
}

export interface RouteResult {
	status: 200 | 201;
	detail: string;
	data?: unknown;
}

/** What runs once the endpoint "started executing": its errors are saved for idempotent replays. */
export type Execute = () => RouteResult;

export interface RouteDef {
	method: 'GET' | 'POST';
	/** Full path pattern; ':name' segments become params. */
	pattern: string;
	requiresRetailer?: boolean;
	/** The document's response sample for this endpoint has no { status, data } envelope. */
	bareSample?: boolean;
	/** Input validation only (no state change); its errors are never saved. */
	prepare(request: RouteRequest, state: ConductorState): Execute;
}

export interface RouteMatch {
	route: RouteDef;
	params: Record<string, string>;
}

export function matchRoute(
	routes: readonly RouteDef[],
	method: string,
	path: string,
): RouteMatch | undefined {
	const segments = path.split('/');
	for (const route of routes) {
		if (route.method !== method && !(route.method === 'POST' && isHealthGet(route, method))) {
			continue;
		}
		const params = matchPattern(route.pattern.split('/'), segments);
		if (params) return { route, params };
	}
	return undefined;
}

/** The healthcheck is documented as POST; GET is accepted too. */
function isHealthGet(route: RouteDef, method: string): boolean {
	return method === 'GET' && route.pattern === '/healthcheck';
}

function matchPattern(pattern: string[], segments: string[]): Record<string, string> | undefined {
	if (pattern.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		if (pattern[i].startsWith(':')) {
			if (segments[i] === '') return undefined;
			try {
				params[pattern[i].slice(1)] = decodeURIComponent(segments[i]);
			} catch {
				return undefined;
			}
		} else if (pattern[i] !== segments[i]) {
			return undefined;
		}
	}
	return params;
}
