// Route table: a route says how it is authenticated and handles an already-parsed request.
import type { AuthStore } from './auth';
import type { Reply } from './http';
import type { IdempotencyStore } from './idempotency';
import type { MementoState } from './state';

export interface RouteContext {
	state: MementoState;
	auth: AuthStore;
	idempotency: IdempotencyStore;
	params: Record<string, string>;
	query: Record<string, string>;
	body: Record<string, unknown>;
	headers: Record<string, string | undefined>;
}

export interface RouteDef {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** e.g. /v1/requests/:uuid/participants/:participant/remind */
	pattern: string;
	/** 'session' (default): a live session token; 'none': before any token exists. */
	auth?: 'session' | 'none';
	handle(context: RouteContext): Reply;
}

export function matchRoute(
	routes: readonly RouteDef[],
	method: string,
	path: string,
): { route: RouteDef; params: Record<string, string> } | undefined {
	const segments = path.split('/');
	for (const route of routes) {
		if (route.method !== method) continue;
		const pattern = route.pattern.split('/');
		if (pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		let ok = true;
		for (let index = 0; index < pattern.length && ok; index++) {
			if (pattern[index].startsWith(':'))
				params[pattern[index].slice(1)] = decodeURIComponent(segments[index]);
			else ok = pattern[index] === segments[index];
		}
		if (ok) return { route, params };
	}
	return undefined;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
