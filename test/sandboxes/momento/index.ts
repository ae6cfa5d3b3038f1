/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Fake Momento Business API for tests and the demo: plain node:http on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { API_PREFIX, handleRequest, type PipelineContext } from './pipeline';
import { SEED_SECRET_KEY, WITHDRAWAL_BANKS } from './seed';
import { MomentoState, publicOrder } from './state';
import type {
	CallbackDelivery,
	MomentoFault,
	MomentoSandbox,
	MomentoSandboxOptions,
	Order,
	OrderIdFilter,
	OrderKind,
	OrderStatus,
	RateLimit,
} from './types';

export type * from './types';

export const MOMENTO_SEED = {
	secretKey: SEED_SECRET_KEY,
	withdrawalBanks: WITHDRAWAL_BANKS,
	apiPrefix: API_PREFIX,
	documentedRateLimit: { limit: 1000, windowMs: 3_600_000 } as RateLimit,
} as const;

function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

/** What Momento is assumed to POST to callback_url when an order changes status. */
export function callbackPayload(order: Order): Record<string, unknown> {
	return {
		type: order.kind,
		orderID: order.orderID,
		status: order.status,
		amount: order.amount,
		currency: order.currency,
		updated_at: order.updated_at,
	};
}

async function deliver(url: string, rawBody: string, enabled: boolean): Promise<CallbackDelivery> {
	const delivery: CallbackDelivery = { url, rawBody, payload: JSON.parse(rawBody) };
	if (!enabled) return delivery;
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'user-agent': 'Momento-Callbacks/1.0' },
			body: rawBody,
		});
		delivery.responseStatus = response.status;
		delivery.responseBody = await response.text();
	} catch (error) {
		delivery.error = (error as Error).message;
	}
	return delivery;
}

export async function startMomentoSandbox(
	options: MomentoSandboxOptions = {},
): Promise<MomentoSandbox> {
	const initialDeduplicate = options.deduplicateOrderIds ?? false;
	const initialFilter = options.orderIdFilter ?? 'honoured';
	const state = new MomentoState(initialDeduplicate, initialFilter);
	const deliverCallbacks = options.deliverCallbacks ?? true;
	const callbacks: CallbackDelivery[] = [];
	const initialLimit = options.rateLimit ?? MOMENTO_SEED.documentedRateLimit;
	const ctx: PipelineContext = {
		secretKey: options.secretKey ?? SEED_SECRET_KEY,
		state,
		requests: [],
		faults: [],
		rateLimit: { ...initialLimit },
		window: { startedAt: Date.now(), count: 0 },
		errorStyle: options.errorStyle ?? 'code-message',
	};
	const server = createServer((req, res) => {
		handleRequest(ctx, req, res).catch(() => {
			if (res.headersSent || res.destroyed) return;
			res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify({ error: 'INTERNAL_ERROR', message: 'Internal server error.' }));
		});
	});
	const port = await listen(server, options.port ?? 0);
	const rootUrl = `http://127.0.0.1:${port}`;

	const record = async (url: string, rawBody: string) => {
		const delivery = await deliver(url, rawBody, deliverCallbacks);
		callbacks.push(delivery);
		return delivery;
	};

	return {
		rootUrl,
		baseUrl: `${rootUrl}${API_PREFIX}`,
		port,
		secretKey: ctx.secretKey,
		requests: ctx.requests,
		callbacks,
		stats: state.stats,
		deposits: () => state.orders.deposit.map((o) => structuredClone(o)),
		withdrawals: () => state.orders.withdrawal.map((o) => structuredClone(o)),
		setDeduplicateOrderIds(deduplicate: boolean) {
			state.deduplicateOrderIds = deduplicate;
		},
		setOrderIdFilter(filter: OrderIdFilter) {
			state.orderIdFilter = filter;
		},
		users: () => [...state.users.values()].map((user) => structuredClone(user)),
		setRateLimit(limit: RateLimit) {
			ctx.rateLimit = { ...limit };
			ctx.window = { startedAt: Date.now(), count: 0 };
		},
		injectFault(fault: MomentoFault) {
			ctx.faults.push({ ...fault, remaining: fault.times ?? 1 });
		},
		async setOrderStatus(kind: OrderKind, orderID: string, status: OrderStatus) {
			const order = state.transition(kind, orderID, status);
			const rawBody = JSON.stringify(callbackPayload(order));
			if (!order.callback_url) {
				const skipped: CallbackDelivery = { url: '', rawBody, payload: JSON.parse(rawBody) };
				callbacks.push(skipped);
				return skipped;
			}
			return await record(order.callback_url, rawBody);
		},
		redeliver: async (callback: CallbackDelivery) => await record(callback.url, callback.rawBody),
		reset() {
			state.reset();
			state.deduplicateOrderIds = initialDeduplicate;
			state.orderIdFilter = initialFilter;
			ctx.requests.length = 0;
			ctx.faults.length = 0;
			callbacks.length = 0;
			ctx.rateLimit = { ...initialLimit };
			ctx.window = { startedAt: Date.now(), count: 0 };
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

export { publicOrder };
