/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Fake Moment Conductor API for integration tests: plain node:http on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import { sleep } from 'n8n-workflow';
import type { AddressInfo } from 'node:net';

import { SEED_CATALOG } from './catalog-seed';
import { errorEnvelope } from './errors';
import { FaultQueue } from './faults';
import { IdempotencyStore } from './idempotency';
import { handleRequest, type PipelineContext } from './pipeline';
import { API_PREFIX, type RouteDef } from './router';
import { accountRoutes } from './routes/accounts';
import { catalogRoutesFor } from './routes/catalog';
import { healthRoutes } from './routes/health';
import { orderRoutes } from './routes/orders';
import { partnerRoutes } from './routes/partners';
import { transactionRoutes } from './routes/transactions';
import { SEED_BILLERS, SEED_BILLS, SEED_CUSTOMERS } from './seed';
import { ConductorState, snapshot } from './state';
import type {
	ConductorFault,
	ConductorRequestRecord,
	ConductorSandbox,
	ConductorSandboxOptions,
	ConductorTraffic,
} from './types';

export type {
	ConductorFault,
	ConductorFaultKind,
	ConductorRequestRecord,
	ConductorSandbox,
	ConductorSandboxOptions,
	ConductorStats,
	ConductorTraffic,
} from './types';

export const CONDUCTOR_SEED = {
	billers: SEED_BILLERS,
	customers: SEED_CUSTOMERS,
	bills: SEED_BILLS,
	catalog: SEED_CATALOG,
	defaultSecretKey: 'sk_test_conductor_sandbox',
	defaultRetailerIds: ['RETAILER-001', 'RETAILER-002'] as readonly string[],
	apiPrefix: API_PREFIX,
} as const;

function routesFor(options: ConductorSandboxOptions): readonly RouteDef[] {
	return [
		...healthRoutes,
		...accountRoutes,
		...transactionRoutes,
		...partnerRoutes,
		...catalogRoutesFor(options),
		...orderRoutes,
	];
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

export async function startConductorSandbox(
	options: ConductorSandboxOptions = {},
): Promise<ConductorSandbox> {
	const secretKey = options.secretKey ?? CONDUCTOR_SEED.defaultSecretKey;
	if (!secretKey.startsWith('sk_')) throw new Error('The sandbox secret key must start with sk_');
	const retailerIds = [...(options.retailerIds ?? CONDUCTOR_SEED.defaultRetailerIds)];
	const requests: ConductorRequestRecord[] = [];
	const state = new ConductorState();
	const store = new IdempotencyStore();
	const faults = new FaultQueue(API_PREFIX);
	const ctx: PipelineContext = {
		secretKey,
		retailerIds,
		routes: routesFor(options),
		state,
		store,
		faults,
		requests,
		responseShape: options.responseShape ?? 'enveloped',
	};

	const traffic: ConductorTraffic = {
		latencyMs: options.latencyMs ?? 0,
		inFlight: 0,
		maxInFlight: 0,
	};
	const server = createServer((req, res) => {
		// A real provider answers in hundreds of ms: every request waits `latencyMs` first.
		traffic.inFlight++;
		traffic.maxInFlight = Math.max(traffic.maxInFlight, traffic.inFlight);
		res.once('close', () => traffic.inFlight--);
		const handled =
			traffic.latencyMs > 0
				? sleep(traffic.latencyMs).then(async () => await handleRequest(ctx, req, res))
				: handleRequest(ctx, req, res);
		handled.catch(() => {
			if (res.headersSent || res.destroyed) return;
			const body = JSON.stringify(errorEnvelope('INTERNAL_SERVER_ERROR'));
			res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
			res.end(body);
		});
	});
	const port = await listen(server, options.port ?? 0);
	const rootUrl = `http://127.0.0.1:${port}`;

	return {
		rootUrl,
		baseUrl: `${rootUrl}${API_PREFIX}`,
		port,
		secretKey,
		retailerIds,
		requests,
		stats: state.stats,
		transactions: () => snapshot(state.transactions.values()),
		partnerTransactions: () => snapshot(state.partnerTransactions.values()),
		orders: () => snapshot(state.orders.values()),
		injectFault: (fault: ConductorFault) => faults.add(fault),
		traffic,
		reset() {
			traffic.maxInFlight = traffic.inFlight;
			state.reset();
			store.clear();
			faults.clear();
			requests.length = 0;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
