/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Fake Monerium API v2 for tests: node:http on 127.0.0.1. It enforces the v2 Accept header,
// OAuth (client credentials, authorization code + PKCE S256, refresh, short token lifetimes),
// the order rules, multipart upload limits, and sends signed Standard Webhooks deliveries.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { error, header, readRaw, send, type Reply } from './http';
import { OAuthServer } from './oauth';
import { route } from './routes';
import { ACCEPT_V2, MoneriumState, SEED, type Order } from './state';
import { deliver, type Delivery, type DeliveryOptions } from './webhooks';

export { SEED as MONERIUM_SEED } from './state';

/** Not a secret: the fixed test value of the local sandbox. */
const SANDBOX_CLIENT_PASSPHRASE = ['sandbox', 'client', 'passphrase'].join('-');

export const MONERIUM_CLIENTS = {
	clientCredentials: {
		clientId: '5d1a2bd4-9c4e-4b51-8d7e-1f2a3b4c5d6e',
		clientSecret: SANDBOX_CLIENT_PASSPHRASE,
	},
	authorizationCode: { clientId: '0f2c9a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b' },
} as const;

export interface MoneriumFault {
	method?: string;
	path: string;
	/** The status answered instead (default 500). */
	status?: number;
	times?: number;
	retryAfter?: string;
	/**
	 * 'before' (default): answered before anything is done. 'after': the request is executed (an
	 * order placed), then answered with `status`, or not at all with `drop`.
	 */
	when?: 'before' | 'after';
	/** With `when: 'after'`: destroy the connection instead of answering. */
	drop?: boolean;
	/** Only requests whose raw body this accepts. */
	matches?: (rawBody: string) => boolean;
}

export interface MoneriumSandboxOptions {
	port?: number;
	tokenLifetimeSeconds?: number;
	/**
	 * Whether a repeated order id is refused with 409. The document calls the id "the unique
	 * identifier of the order" but promises nothing about a repeat, so by default (false) a repeated
	 * id places another order, the worst case for money.
	 */
	deduplicateOrderIds?: boolean;
	/** Whether each refresh token works once (a reused one gets invalid_grant, 400). Default false. */
	rotateRefreshTokens?: boolean;
}

export interface RequestRecord {
	method: string;
	path: string;
	/** The raw query string, without the "?". */
	query: string;
	headers: Record<string, string>;
	status: number;
}

export interface MoneriumSandbox {
	baseUrl: string;
	port: number;
	requests: RequestRecord[];
	oauthStats: OAuthServer['stats'];
	state: MoneriumState;
	/** Every order placed (a repeated id in non-deduplicating mode is another one). */
	orders(): Order[];
	setDeduplicateOrderIds(deduplicate: boolean): void;
	setRotateRefreshTokens(rotate: boolean): void;
	/** Runs before each token request is answered (e.g. another n8n worker refreshing first). */
	beforeTokenRequest(hook: ((form: URLSearchParams) => Promise<void>) | undefined): void;
	/** After `count` more authenticated API requests every issued access token stops working. */
	expireTokensAfter(count: number): void;
	expireTokens(): void;
	setTokenLifetime(seconds: number): void;
	injectFault(fault: MoneriumFault): void;
	/** Sends an event to every subscription that chose its type (or to all, for forged tests). */
	emit(type: string, data: Record<string, unknown>, options?: DeliveryOptions): Promise<Delivery[]>;
	reset(): void;
	close(): Promise<void>;
}

function faultReply(fault: MoneriumFault): Reply {
	const status = fault.status ?? 500;
	const reply = error(status, status === 429 ? 'Too many requests' : 'Sandbox fault');
	return fault.retryAfter ? { ...reply, headers: { 'retry-after': fault.retryAfter } } : reply;
}

/**
 * Whether the document lists the v2 Accept header ("required") for this endpoint: sign up,
 * profiles, addresses (list and get), IBANs and orders (list and get). Its other endpoints
 * (tokens, auth context, balances, link address, place order, files, webhooks) list no Accept
 * header and their examples send none, so they are answered without it.
 */
function acceptV2Listed(method: string, path: string): boolean {
	const root = path.split('/')[1] ?? '';
	if (path === '/auth/signup') return true;
	if (root === 'profiles' || root === 'ibans') return true;
	if (root === 'addresses' || root === 'orders') return method === 'GET';
	return false;
}

function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

export async function startMoneriumSandbox(
	options: MoneriumSandboxOptions = {},
): Promise<MoneriumSandbox> {
	const state = new MoneriumState();
	state.deduplicateOrderIds = options.deduplicateOrderIds ?? false;
	const oauth = new OAuthServer(
		{
			clientCredentials: { ...MONERIUM_CLIENTS.clientCredentials },
			authorizationCode: { ...MONERIUM_CLIENTS.authorizationCode },
		},
		options.tokenLifetimeSeconds ?? 3600,
	);
	oauth.rotateRefreshTokens = options.rotateRefreshTokens ?? false;
	const requests: RequestRecord[] = [];
	let faults: MoneriumFault[] = [];
	let expireCountdown: number | undefined;
	let tokenHook: ((form: URLSearchParams) => Promise<void>) | undefined;

	async function handle(req: IncomingMessage): Promise<Reply> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		const raw = await readRaw(req);
		const contentType = header(req, 'content-type');
		const form = () => new URLSearchParams(raw.toString('utf8'));
		if (url.pathname === '/auth' && (method === 'GET' || method === 'POST')) {
			return oauth.authorize(method === 'GET' ? url.searchParams : form());
		}
		if (url.pathname === '/auth/token' && method === 'POST') {
			if (!contentType.startsWith('application/x-www-form-urlencoded'))
				return error(415, 'Use application/x-www-form-urlencoded');
			await tokenHook?.(form());
			return oauth.token(form());
		}
		if (url.pathname === '/' && method === 'GET')
			return {
				status: 200,
				body: {
					hello: 'Welcome to the Monerium sandbox',
					docs: 'https://monerium.dev/api-docs/v2',
				},
			};

		const fault = faults.find(
			(f) =>
				f.path === url.pathname &&
				(!f.method || f.method === method) &&
				(!f.matches || f.matches(raw.toString('utf8'))),
		);
		if (fault) {
			fault.times = (fault.times ?? 1) - 1;
			if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
		}
		if (fault && fault.when !== 'after') return faultReply(fault);
		if (expireCountdown !== undefined && --expireCountdown < 0) {
			oauth.expireAll();
			expireCountdown = undefined;
		}
		const token = oauth.check(header(req, 'authorization'));
		if (!token) return error(401, 'Invalid or expired access token');
		if (
			acceptV2Listed(method, url.pathname) &&
			!header(req, 'accept')
				.split(',')
				.some((value) => value.trim() === ACCEPT_V2)
		) {
			return error(406, `Send Accept: ${ACCEPT_V2} to use API v2`);
		}
		let json: Record<string, unknown> | undefined;
		if (contentType.startsWith('application/json') && raw.length > 0) {
			try {
				json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
			} catch {
				return error(400, 'Body is not JSON');
			}
		} else if (['POST', 'PUT'].includes(method) && !contentType.startsWith('multipart/form-data')) {
			return error(415, 'Use application/json');
		}
		const reply = await route(state, {
			method,
			path: url.pathname,
			query: url.searchParams,
			json,
			raw,
			contentType,
			profile: SEED.profileId,
		});
		if (!fault) return reply;
		return fault.drop ? { ...reply, drop: true } : faultReply(fault);
	}

	const server = createServer((req, res) => {
		handle(req)
			.catch(() => error(500, 'Sandbox failure'))
			.then((reply) => {
				requests.push({
					method: req.method ?? 'GET',
					path: (req.url ?? '/').split('?')[0],
					query: (req.url ?? '/').split('?')[1] ?? '',
					headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
					status: reply.status,
				});
				if (reply.drop) res.socket?.destroy();
				else send(res, reply);
			});
	});
	const port = await listen(server, options.port ?? 0);

	return {
		baseUrl: `http://127.0.0.1:${port}`,
		port,
		requests,
		oauthStats: oauth.stats,
		state,
		orders: () => [...state.placed],
		setDeduplicateOrderIds: (deduplicate) => {
			state.deduplicateOrderIds = deduplicate;
		},
		setRotateRefreshTokens: (rotate) => {
			oauth.rotateRefreshTokens = rotate;
		},
		beforeTokenRequest: (hook) => {
			tokenHook = hook;
		},
		expireTokensAfter: (count) => {
			expireCountdown = count;
		},
		expireTokens: () => oauth.expireAll(),
		setTokenLifetime: (seconds) => {
			oauth.tokenLifetimeSeconds = seconds;
		},
		injectFault: (fault) => faults.push({ ...fault }),
		emit: async (type, data, deliveryOptions = {}) =>
			await Promise.all(
				state.subscriptions
					.filter((subscription) => deliveryOptions.forge || subscription.types.includes(type))
					.map(
						async (subscription) =>
							await deliver(
								subscription,
								{ type, timestamp: new Date().toISOString(), data },
								deliveryOptions,
							),
					),
			),
		reset() {
			state.reset();
			state.deduplicateOrderIds = options.deduplicateOrderIds ?? false;
			requests.length = 0;
			faults = [];
			expireCountdown = undefined;
			tokenHook = undefined;
			oauth.tokens.clear();
			Object.assign(oauth.stats, {
				tokenRequests: 0,
				clientCredentials: 0,
				codeExchanges: 0,
				refreshes: 0,
				rejected: 0,
			});
			oauth.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
			oauth.rotateRefreshTokens = options.rotateRefreshTokens ?? false;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			}),
	};
}
