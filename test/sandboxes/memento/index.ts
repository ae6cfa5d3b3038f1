/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Fake Memento Payments API for integration tests: plain node:http on 127.0.0.1. It enforces the
// session flow, project header, filter/sort/page/limit, 422 validation, PINs and idempotency.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AuthStore, authRoutes, bearer } from './auth';
import { ApiError, badRequest, header, readBody, send, validationError, type Reply } from './http';
import { IdempotencyStore } from './idempotency';
import { matchRoute, type RouteDef } from './router';
import { contentRoutes } from './routes/content';
import { paymentRoutes } from './routes/payments';
import { peopleRoutes } from './routes/people';
import { poolRoutes } from './routes/pools';
import { requestRoutes } from './routes/requests';
import { MementoState, SANDBOX_SECRETS } from './state';
import type { MementoFault, MementoRequestRecord, MementoSandboxOptions } from './types';

export type {
	MementoFault,
	MementoRequestRecord,
	MementoSandboxOptions,
	MementoStats,
} from './types';
export { movesOf } from './types';
export { ME, OTHER_USERS, SANDBOX_SECRETS } from './state';

export const MEMENTO_SANDBOX_DEFAULTS = {
	// A fake token the sandbox alone knows; not a real secret.
	authenticationToken: ['aut', 'sandbox', 'jondough'].join('_'),
	projectId: 'proj_sandbox',
	projectHeader: 'x-project-id',
	pin: SANDBOX_SECRETS.pin,
};

const ROUTES: readonly RouteDef[] = [
	...authRoutes,
	...paymentRoutes,
	...requestRoutes,
	...poolRoutes,
	...peopleRoutes,
	...contentRoutes,
];

export type MementoSandbox = Awaited<ReturnType<typeof startMementoSandbox>>;

/** The strict reading of `field:operator:value`: no colon in a value, no sorting on uuid. */
function refuseColonValues(query: Record<string, string>): void {
	const parts = (query.filter ?? '').split(',').filter((part) => part !== '');
	const withColon = parts.find((part) => part.split(':').length > 3);
	if (withColon) {
		throw validationError([
			{ field: 'filter', message: `"${withColon}" is not field:operator:value` },
		]);
	}
	if ((query.sort ?? '').split(',').some((part) => part.split(':')[0] === 'uuid')) {
		throw validationError([{ field: 'sort', message: 'cannot sort on "uuid"' }]);
	}
}

export async function startMementoSandbox(options: MementoSandboxOptions = {}) {
	const projectId = options.projectId ?? MEMENTO_SANDBOX_DEFAULTS.projectId;
	const state = new MementoState(options.seededPayments ?? 260);
	const auth = new AuthStore(
		options.sessionLifetimeMs ?? 600_000,
		MEMENTO_SANDBOX_DEFAULTS.authenticationToken,
	);
	const idempotency = new IdempotencyStore(options.idempotency);
	const requests: MementoRequestRecord[] = [];
	let faults: Array<MementoFault & { remaining: number }> = [];

	function takeFault(kind: MementoFault['kind'], record: MementoRequestRecord) {
		const index = faults.findIndex(
			(fault) =>
				fault.kind === kind &&
				(!fault.method || fault.method === record.method) &&
				(!fault.path || fault.path.test(record.path)) &&
				(!fault.when || fault.when(record)),
		);
		if (index < 0) return undefined;
		const fault = faults[index];
		if (--fault.remaining <= 0) faults.splice(index, 1);
		return fault;
	}

	async function handle(req: IncomingMessage): Promise<Reply & { drop?: boolean }> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const headers: Record<string, string | undefined> = {};
		for (const name of Object.keys(req.headers)) headers[name] = header(req, name);
		const raw = await readBody(req);
		let body: unknown;
		try {
			body = raw === '' ? undefined : JSON.parse(raw);
		} catch {
			throw badRequest('invalid_json', 'The body is not JSON');
		}
		const record: MementoRequestRecord = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers,
			body,
		};
		requests.push(record);
		if (takeFault('expire-sessions', record)) auth.expireAll();
		const injected = takeFault('status', record);
		if (injected) {
			const retryAfter: Record<string, string> =
				injected.retryAfterSeconds !== undefined
					? { 'retry-after': String(injected.retryAfterSeconds) }
					: {};
			return {
				status: injected.status ?? 500,
				body: { code: 'injected', message: 'Injected fault' },
				headers: retryAfter,
			};
		}
		if (projectId && headers[MEMENTO_SANDBOX_DEFAULTS.projectHeader] !== projectId) {
			throw badRequest(
				'unknown_project',
				'Send your project ID in the X-Project-Id header or use your custom host name',
			);
		}
		if (options.strictFilterSyntax) refuseColonValues(record.query);
		const match = matchRoute(ROUTES, record.method, record.path);
		if (!match) throw new ApiError(404);
		if (
			(match.route.auth ?? 'session') === 'session' &&
			!auth.isLive(bearer(headers.authorization))
		) {
			throw new ApiError(401);
		}
		if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
			throw badRequest('invalid_json', 'The body must be a JSON object');
		}
		if (body !== undefined && !/^application\/json/.test(headers['content-type'] ?? '')) {
			throw badRequest('unsupported_media_type', 'Send JSON with Content-Type: application/json');
		}
		const reply = match.route.handle({
			state,
			auth,
			idempotency,
			params: match.params,
			query: record.query,
			body: (body ?? {}) as Record<string, unknown>,
			headers,
		});
		// Faults after the request was handled: what was asked for has happened.
		if (takeFault('drop-after-execute', record)) return { ...reply, drop: true };
		const afterwards = takeFault('status-after-execute', record);
		if (afterwards) {
			return {
				status: afterwards.status ?? 500,
				body: { code: 'injected', message: 'Injected fault after executing' },
			};
		}
		return reply;
	}

	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		handle(req)
			.catch((error: unknown) => {
				if (error instanceof ApiError) return { status: error.status, body: error.body };
				return { status: 500, body: { code: 'internal', message: 'Sandbox failure' } };
			})
			.then((reply: Reply & { drop?: boolean }) => {
				const last = requests[requests.length - 1];
				if (last) last.status = reply.status;
				if (reply.drop) res.destroy();
				else send(res, reply);
			})
			.catch(() => res.destroy());
	});
	const port = await new Promise<number>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () =>
			resolve((server.address() as AddressInfo).port),
		);
	});
	const rootUrl = `http://127.0.0.1:${port}`;

	return {
		rootUrl,
		baseUrl: rootUrl,
		port,
		projectId,
		authenticationToken: MEMENTO_SANDBOX_DEFAULTS.authenticationToken,
		state,
		auth,
		stats: state.stats,
		requests,
		/** Requests to one path (without the query), e.g. '/v1/payments'. */
		requestsTo: (method: string, path: string) =>
			requests.filter((r) => r.method === method && r.path === path),
		expireSessions: () => auth.expireAll(),
		injectFault: (fault: MementoFault) => faults.push({ ...fault, remaining: fault.times ?? 1 }),
		reset() {
			state.reset();
			auth.reset();
			idempotency.clear();
			requests.length = 0;
			faults = [];
			state.clock.unfreeze();
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
