/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// One request through the fake Momento API: rate limit, route, content type, signature over the
// raw bytes, injected faults, JSON body, endpoint.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { matchRoute, type Route, type RouteInput } from './routes';
import { ApiProblem, type MomentoState } from './state';
import type { MomentoErrorStyle, MomentoFault, MomentoRequestRecord, RateLimit } from './types';
import { ValidationProblems } from './validation';

export const API_PREFIX = '/integrations';

export interface PipelineContext {
	secretKey: string;
	state: MomentoState;
	requests: MomentoRequestRecord[];
	faults: Array<MomentoFault & { remaining: number }>;
	rateLimit: RateLimit;
	window: { startedAt: number; count: number };
	/** How validation errors are worded; the document does not give the error body. */
	errorStyle: MomentoErrorStyle;
}

function errorBody(code: string, message: string, details?: Record<string, unknown>) {
	return details ? { error: code, message, details } : { error: code, message };
}

function reply(
	res: ServerResponse,
	record: MomentoRequestRecord,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	record.status = status;
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': String(Buffer.byteLength(text)),
		...headers,
	});
	res.end(text);
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function expectedSignature(secretKey: string, rawBody: Buffer): string {
	return createHmac('sha512', secretKey).update(rawBody).digest('hex');
}

function signatureValid(secretKey: string, rawBody: Buffer, received: string): boolean {
	const expected = Buffer.from(expectedSignature(secretKey, rawBody), 'hex');
	if (!/^[0-9a-f]{128}$/.test(received)) return false;
	return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}

/** Fixed window; Retry-After is the time left in it (fractional seconds below one second). */
function takeRateLimit(ctx: PipelineContext): number | undefined {
	const now = Date.now();
	if (now - ctx.window.startedAt >= ctx.rateLimit.windowMs) {
		ctx.window.startedAt = now;
		ctx.window.count = 0;
	}
	ctx.window.count += 1;
	if (ctx.window.count <= ctx.rateLimit.limit) return undefined;
	return ctx.window.startedAt + ctx.rateLimit.windowMs - now;
}

function formatRetryAfter(ms: number): string {
	return ms >= 1000 ? String(Math.ceil(ms / 1000)) : (Math.max(ms, 1) / 1000).toFixed(3);
}

function takeFault(
	ctx: PipelineContext,
	kind: MomentoFault['kind'],
	method: string,
	path: string,
	body?: unknown,
) {
	const index = ctx.faults.findIndex(
		(fault) =>
			fault.kind === kind &&
			(fault.method === undefined || fault.method.toUpperCase() === method) &&
			(fault.path === undefined || fault.path === path) &&
			(fault.when === undefined || fault.when(body)),
	);
	if (index < 0) return false;
	const fault = ctx.faults[index];
	fault.remaining -= 1;
	if (fault.remaining <= 0) ctx.faults.splice(index, 1);
	return true;
}

function describeWindow(rateLimit: RateLimit): string {
	return rateLimit.windowMs === 3_600_000 ? 'per hour' : `per ${rateLimit.windowMs} ms`;
}

/** The endpoint's answer; validation and API problems become JSON errors (others become 500). */
function runEndpoint(
	ctx: PipelineContext,
	match: { route: Route },
	input: RouteInput,
): { status: number; payload: unknown } {
	let problem: unknown;
	try {
		const output = match.route.handle(ctx.state, input);
		return { status: output.status, payload: output.body };
	} catch (error) {
		problem = error;
	}
	if (problem instanceof ValidationProblems) {
		return {
			status: 400,
			payload:
				ctx.errorStyle === 'detail-errors'
					? { detail: 'Validation error.', errors: problem.details }
					: errorBody('VALIDATION_ERROR', 'The request has invalid fields.', problem.details),
		};
	}
	if (problem instanceof ApiProblem) {
		return {
			status: problem.status,
			payload: errorBody(problem.code, problem.message, problem.details),
		};
	}
	return { status: 500, payload: errorBody('INTERNAL_ERROR', 'Internal server error.') };
}

export async function handleRequest(
	ctx: PipelineContext,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const method = (req.method ?? 'GET').toUpperCase();
	const rawBody = await readRaw(req);
	const headers: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	let body: unknown;
	let bodyIsJson = rawBody.length === 0;
	if (rawBody.length > 0) {
		try {
			body = JSON.parse(rawBody.toString('utf8'));
			bodyIsJson = true;
		} catch {
			body = undefined;
		}
	}
	const path = url.pathname.startsWith(API_PREFIX)
		? url.pathname.slice(API_PREFIX.length)
		: url.pathname;
	const record: MomentoRequestRecord = {
		method,
		path,
		query: Object.fromEntries(url.searchParams.entries()),
		headers,
		rawBody,
		body,
	};
	ctx.requests.push(record);

	const waitMs = takeRateLimit(ctx);
	if (waitMs !== undefined) {
		ctx.state.stats.rateLimited += 1;
		const { limit } = ctx.rateLimit;
		return reply(
			res,
			record,
			429,
			errorBody(
				'RATE_LIMIT_EXCEEDED',
				`Rate limit of ${limit} requests ${describeWindow(ctx.rateLimit)} exceeded.`,
			),
			{
				'retry-after': formatRetryAfter(waitMs),
				'x-ratelimit-limit': String(limit),
				'x-ratelimit-remaining': '0',
			},
		);
	}

	const match = url.pathname.startsWith(API_PREFIX) ? matchRoute(method, path) : undefined;
	if (!match) return reply(res, record, 404, errorBody('NOT_FOUND', 'Not found.'));
	if ('methodNotAllowed' in match) {
		return reply(
			res,
			record,
			405,
			errorBody('METHOD_NOT_ALLOWED', `Method ${method} not allowed.`),
		);
	}

	const contentType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (contentType !== 'application/json') {
		return reply(
			res,
			record,
			415,
			errorBody('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json.'),
		);
	}

	const received = headers['m-signature']?.trim();
	if (received !== undefined)
		record.signatureValid = signatureValid(ctx.secretKey, rawBody, received);
	// "Every API request requires an M-Signature header": the public endpoints too.
	if (record.signatureValid === false || received === undefined) {
		ctx.state.stats.rejectedSignatures += 1;
		return reply(
			res,
			record,
			401,
			received === undefined
				? errorBody('MISSING_SIGNATURE', 'The M-Signature header is required.')
				: errorBody('INVALID_SIGNATURE', 'The M-Signature does not match the request body.'),
		);
	}

	if (takeFault(ctx, 'status-500', method, path, body)) {
		return reply(res, record, 500, errorBody('INTERNAL_ERROR', 'Internal server error.'));
	}
	if (!bodyIsJson) {
		return reply(
			res,
			record,
			400,
			errorBody('INVALID_JSON', 'The request body is not valid JSON.'),
		);
	}

	const { status, payload } = runEndpoint(ctx, match, {
		params: match.params,
		query: record.query,
		body,
		selfUrl: `http://${headers.host ?? '127.0.0.1'}${url.pathname}`,
	});
	if (takeFault(ctx, 'drop-after-processing', method, path, body)) {
		record.status = status;
		record.dropped = true;
		res.socket?.destroy();
		return;
	}
	if (takeFault(ctx, 'status-500-after-processing', method, path, body)) {
		return reply(res, record, 500, errorBody('INTERNAL_ERROR', 'Internal server error.'));
	}
	reply(res, record, status, payload);
}
