/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Fake MTN MoMo Open API for integration tests: plain node:http on 127.0.0.1.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { sleep } from 'n8n-workflow';

import { route, type ParsedRequest, type RouteContext } from './routes';
import { MomoState, paymentView } from './state';
import type {
	CallbackRecord,
	MomoFault,
	MomoPayment,
	MomoProduct,
	MomoRequestRecord,
	MomoSandbox,
	MomoSandboxOptions,
} from './types';

export type * from './types';
export { TEST_MSISDNS } from './state';

export const MOMO_SEED = {
	subscriptionKeys: {
		collection: 'sandbox-collection-key-0001',
		disbursement: 'sandbox-disbursement-key-0001',
	},
	apiUser: '3f4b5c2e-8a1d-4c6e-9b7f-1a2b3c4d5e6f',
	// Not a secret: the fixed key of the fake API user, derived so the demo can print it.
	apiKey: createHash('sha256').update('momo-sandbox-api-key').digest('hex').slice(0, 32),
} as const;

const isAfterProcessing = (fault: MomoFault | undefined) =>
	fault?.kind === 'status-500-after-processing' || fault?.kind === 'drop-after-processing';

interface ActiveFault {
	fault: MomoFault;
	remaining: number;
	skip: number;
}

function matches(fault: MomoFault, record: MomoRequestRecord): boolean {
	if (fault.method && fault.method.toUpperCase() !== record.method) return false;
	if (fault.path instanceof RegExp && !fault.path.test(record.path)) return false;
	if (typeof fault.path === 'string' && fault.path !== record.path) return false;
	return !fault.when || fault.when(record);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

function sendCallback(record: CallbackRecord): Promise<void> {
	return new Promise((resolve) => {
		const body = JSON.stringify(record.body);
		const outgoing = httpRequest(
			record.url,
			{
				method: record.method,
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
			},
			(response) => {
				record.statusCode = response.statusCode;
				response.resume();
				response.on('end', resolve);
			},
		);
		outgoing.on('error', () => resolve());
		outgoing.end(body);
	});
}

export async function startMomoSandbox(options: MomoSandboxOptions = {}): Promise<MomoSandbox> {
	const settings = {
		tokenTtlMs: options.tokenTtlMs ?? 3_600_000,
		settleAfterMs: options.settleAfterMs ?? 40,
		callbackMethod: options.callbackMethod ?? 'PUT',
		providerCallbackHost: options.providerCallbackHost ?? '127.0.0.1',
		repeatedReference: options.repeatedReference ?? 'conflict',
		latencyMs: options.latencyMs ?? 0,
	} as const;
	let callbackQuery = options.callbackQuery ?? 'keep';
	let callbacksHeld = false;
	const state = new MomoState(settings.tokenTtlMs);
	const seedUser = () =>
		state.users.set(MOMO_SEED.apiUser, {
			id: MOMO_SEED.apiUser,
			apiKey: MOMO_SEED.apiKey,
			providerCallbackHost: settings.providerCallbackHost,
		});
	seedUser();
	const requests: MomoRequestRecord[] = [];
	const callbacks: CallbackRecord[] = [];
	const timers = new Set<NodeJS.Timeout>();
	const inFlight = new Set<Promise<void>>();
	const notified = new Set<MomoPayment>();
	let faults: ActiveFault[] = [];

	const notify = (payment: MomoPayment) => {
		state.settleIfDue(payment);
		if (payment.status === 'PENDING' || !payment.callbackUrl || notified.has(payment)) return;
		if (callbacksHeld) return;
		notified.add(payment);
		const target = new URL(payment.callbackUrl);
		if (callbackQuery === 'drop') target.search = '';
		const record: CallbackRecord = {
			url: target.toString(),
			method: settings.callbackMethod,
			body: paymentView(payment),
		};
		callbacks.push(record);
		const sending = sendCallback(record).finally(() => inFlight.delete(sending));
		inFlight.add(sending);
	};
	const ctx: RouteContext = {
		state,
		subscriptionKeys: { ...MOMO_SEED.subscriptionKeys },
		options: settings,
		scheduleSettlement(payment) {
			const timer = setTimeout(() => {
				timers.delete(timer);
				notify(payment);
			}, settings.settleAfterMs + 1);
			timers.add(timer);
		},
	};
	const takeFault = (record: MomoRequestRecord): MomoFault | undefined => {
		const entry = faults.find((candidate) => matches(candidate.fault, record));
		if (!entry) return undefined;
		if (entry.skip > 0) {
			entry.skip--;
			return undefined;
		}
		if (--entry.remaining <= 0) faults = faults.filter((candidate) => candidate !== entry);
		return entry.fault;
	};

	const server: Server = createServer((req, res) => {
		void (async () => {
			// A real provider answers in hundreds of ms: every request waits `latencyMs` first.
			if (settings.latencyMs > 0) await sleep(settings.latencyMs);
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const headers: Record<string, string | undefined> = {};
			for (const [name, value] of Object.entries(req.headers)) {
				headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
			}
			const record: MomoRequestRecord = {
				method: (req.method ?? 'GET').toUpperCase(),
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers,
				body: await readBody(req),
			};
			requests.push(record);
			let fault = takeFault(record);
			if (fault?.kind === 'expire-tokens') state.expireTokens();
			let reply: { status: number; body?: unknown; headers?: Record<string, string> };
			if (fault?.kind === 'status-429') {
				// The shape Azure API Management (MoMo's gateway) answers a rate-limited call with.
				reply = {
					status: 429,
					body: { statusCode: 429, message: 'Rate limit is exceeded. Try again later.' },
					headers: { 'retry-after': String(fault.retryAfterSeconds ?? 0) },
				};
			} else if (fault?.kind === 'status-500' || fault?.kind === 'status-503') {
				const status = fault.kind === 'status-500' ? 500 : 503;
				reply = {
					status,
					body: {
						code: 'INTERNAL_PROCESSING_ERROR',
						message: 'An internal error occurred while processing.',
					},
				};
			} else {
				reply = route(ctx, record as ParsedRequest);
				if (isAfterProcessing(fault) && reply.status >= 300) {
					// Nothing was processed (e.g. an expired token): the fault waits for a request that is.
					faults.push({ fault: fault as MomoFault, remaining: 1, skip: 0 });
					fault = undefined;
				}
				if (fault?.kind === 'status-500-after-processing') {
					reply = {
						status: 500,
						body: { code: 'INTERNAL_PROCESSING_ERROR', message: 'An internal error occurred.' },
					};
				}
			}
			record.statusCode = reply.status;
			if (fault?.kind === 'drop-after-processing') {
				res.socket?.destroy();
				return;
			}
			const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
			res.writeHead(reply.status, {
				...reply.headers,
				...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
				'content-length': Buffer.byteLength(text).toString(),
			});
			res.end(text);
		})().catch(() => {
			if (!res.headersSent) res.writeHead(500).end();
		});
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
		subscriptionKeys: { ...MOMO_SEED.subscriptionKeys },
		apiUser: MOMO_SEED.apiUser,
		apiKey: MOMO_SEED.apiKey,
		requests,
		callbacks,
		get stats() {
			return state.stats;
		},
		payments: (product?: MomoProduct) =>
			[...state.payments.values()]
				.filter((payment) => !product || payment.product === product)
				.map((payment) => (state.settleIfDue(payment), { ...payment })),
		injectFault(fault) {
			faults.push({ fault, remaining: fault.times ?? 1, skip: fault.skip ?? 0 });
		},
		expireTokens: () => state.expireTokens(),
		async flushCallbacks() {
			for (const payment of state.payments.values()) notify(payment);
			await Promise.all([...inFlight]);
		},
		setCallbackQuery(mode) {
			callbackQuery = mode;
		},
		holdCallbacks(held) {
			callbacksHeld = held;
		},
		setBalance(product, availableBalance, currency = 'EUR') {
			state.balances[product] = { availableBalance, currency };
		},
		reset() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			state.reset();
			state.users.clear();
			seedUser();
			notified.clear();
			callbackQuery = options.callbackQuery ?? 'keep';
			callbacksHeld = false;
			faults = [];
			requests.length = 0;
			callbacks.length = 0;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				for (const timer of timers) clearTimeout(timer);
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
