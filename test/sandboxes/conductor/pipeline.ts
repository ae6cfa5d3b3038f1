/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The request pipeline: faults, auth, routing, idempotency, validation, execution.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { ConductorError, errorEnvelope, successEnvelope, type ConductorErrorType } from './errors';
import type { FaultQueue } from './faults';
import {
	allHeaders,
	BodyTooLargeError,
	header,
	isJsonContentType,
	parseJson,
	readBody,
	send,
	toResponse,
} from './http-utils';
import {
	fingerprintOf,
	MAX_KEY_LENGTH,
	type IdempotencyStore,
	type SavedResponse,
} from './idempotency';
import { matchRoute, type Execute, type RouteDef, type RouteRequest } from './router';
import type { ConductorState } from './state';
import type { ConductorRequestRecord, ConductorSandboxOptions } from './types';

export interface PipelineContext {
	secretKey: string;
	retailerIds: string[];
	routes: readonly RouteDef[];
	state: ConductorState;
	store: IdempotencyStore;
	faults: FaultQueue;
	requests: ConductorRequestRecord[];
	responseShape: NonNullable<ConductorSandboxOptions['responseShape']>;
}

function errorResponse(type: ConductorErrorType, explanation?: string): SavedResponse {
	const envelope = errorEnvelope(type, explanation);
	return toResponse(envelope.status.code, envelope);
}

function fromError(error: unknown): SavedResponse {
	if (error instanceof ConductorError) return toResponse(error.httpStatus, error.toEnvelope());
	return errorResponse('INTERNAL_SERVER_ERROR');
}

/** `Authorization: Bearer <secret key>`, exactly; the key has the sk_ prefix. */
function authorized(req: IncomingMessage, secretKey: string): boolean {
	const value = header(req, 'authorization');
	if (value === undefined || !value.startsWith('Bearer ')) return false;
	const key = value.slice('Bearer '.length);
	return key.startsWith('sk_') && key === secretKey;
}

function retailerError(req: IncomingMessage, retailerIds: string[]): SavedResponse | undefined {
	const retailerId = header(req, 'retailer-id');
	if (retailerId === undefined || retailerId.trim() === '') {
		return errorResponse('BAD_REQUEST', 'the Retailer-Id header is missing');
	}
	if (!retailerIds.includes(retailerId)) {
		return errorResponse('BAD_REQUEST', 'the Retailer-Id header is not a known retailer');
	}
	return undefined;
}

/** Runs the endpoint once it has started executing (after validation). */
async function runEndpoint(
	ctx: PipelineContext,
	record: ConductorRequestRecord,
	execute: Execute,
	bare: boolean,
): Promise<SavedResponse> {
	const delay = ctx.faults.take(['delay'], record);
	if (delay) await sleep(delay.delayMs ?? 200);
	if (ctx.faults.take(['status-500'], record)) return errorResponse('INTERNAL_SERVER_ERROR');
	try {
		// Serialized right away, in the same synchronous step: the saved body is a snapshot of the
		// records as they were when the endpoint ran (routes hand out live records, see view()).
		const result = execute();
		if (bare) return toResponse(result.status, (result.data ?? {}) as Record<string, unknown>);
		return toResponse(result.status, successEnvelope(result.status, result.detail, result.data));
	} catch (error) {
		return fromError(error);
	}
}

export async function handleRequest(
	ctx: PipelineContext,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const path = url.pathname;
	const query = Object.fromEntries(url.searchParams.entries());

	let raw: string;
	try {
		raw = await readBody(req);
	} catch (error) {
		const tooLarge = error instanceof BodyTooLargeError;
		send(res, tooLarge ? errorResponse('BAD_REQUEST', 'the body is too large') : fromError(error));
		return;
	}
	const parsed = parseJson(raw);
	const record: ConductorRequestRecord = {
		method,
		path,
		query,
		headers: allHeaders(req),
		body: parsed.ok ? parsed.value : parsed.raw,
	};
	ctx.requests.push(record);

	// Gateway faults: before anything else, nothing saved.
	const gateway = ctx.faults.take(['status-503', 'status-429'], record);
	if (gateway?.kind === 'status-503') {
		send(res, errorResponse('SERVICE_UNAVAILABLE'));
		return;
	}
	if (gateway?.kind === 'status-429') {
		const retryAfter = String(gateway.retryAfterSeconds ?? 1);
		send(res, errorResponse('TOO_MANY_REQUESTS'), { 'retry-after': retryAfter });
		return;
	}

	if (!authorized(req, ctx.secretKey)) {
		send(res, errorResponse('UNAUTHORIZED'));
		return;
	}
	const match = matchRoute(ctx.routes, method, path);
	if (!match) {
		send(res, errorResponse('NOT_FOUND'));
		return;
	}

	// GET (and the rest) ignore Idempotency-Key: they are idempotent by definition.
	const key = method === 'POST' ? header(req, 'idempotency-key') : undefined;
	if (key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
		const why = `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters long`;
		send(res, errorResponse('BAD_REQUEST', why));
		return;
	}
	if (method === 'POST' && raw.length > 0) {
		if (!isJsonContentType(req)) {
			send(res, errorResponse('BAD_REQUEST', 'Content-Type must be application/json'));
			return;
		}
		if (!parsed.ok) {
			send(res, errorResponse('BAD_REQUEST', 'the body is not valid JSON'));
			return;
		}
	}
	const body = parsed.ok ? parsed.value : undefined;
	const retailerHeader = header(req, 'retailer-id');

	const fingerprint = fingerprintOf(method, path, body, retailerHeader);
	if (key !== undefined) {
		const found = ctx.store.lookup(ctx.secretKey, key, fingerprint);
		if (found.kind === 'in-flight') {
			send(res, errorResponse('CONFLICT'));
			return;
		}
		if (found.kind === 'mismatch') {
			send(res, errorResponse('UNPROCESSABLE_CONTENT'));
			return;
		}
		if (found.kind === 'replay') {
			ctx.state.stats.replays += 1;
			send(res, found.response, { 'idempotent-replayed': 'true' });
			return;
		}
	}

	// Validation: failures are answered and never saved.
	if (match.route.requiresRetailer) {
		const failure = retailerError(req, ctx.retailerIds);
		if (failure) {
			send(res, failure);
			return;
		}
	}
	const request: RouteRequest = {
		method,
		path,
		params: match.params,
		query,
		body,
		retailerId: match.route.requiresRetailer ? retailerHeader : undefined,
	};
	let execute: Execute;
	try {
		execute = match.route.prepare(request, ctx.state);
	} catch (error) {
		send(res, fromError(error));
		return;
	}

	// The endpoint starts executing: from here on the result is saved under the key.
	if (key !== undefined) ctx.store.begin(ctx.secretKey, key, fingerprint);
	let response: SavedResponse | undefined;
	try {
		const bare =
			ctx.responseShape === 'bare' ||
			(ctx.responseShape === 'as-documented' && match.route.bareSample === true);
		response = await runEndpoint(ctx, record, execute, bare);
		if (key !== undefined) ctx.store.save(ctx.secretKey, key, response);
	} finally {
		// Only when the endpoint itself blew up: free the key so a retry can run.
		if (key !== undefined && response === undefined) ctx.store.abandon(ctx.secretKey, key);
	}

	const held = ctx.faults.take(['hold-after-processing'], record);
	if (held?.hold) await held.hold(record).catch(() => undefined);
	if (res.destroyed) return;
	if (ctx.faults.take(['drop-after-processing'], record)) {
		req.socket.destroy();
		return;
	}
	send(res, response);
}
