/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Reading requests and answering them; errors in the (assumed) Memento shapes.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** Thrown by routes; becomes the answer. 401 and 404 have empty bodies, as documented. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly body?: unknown,
	) {
		super(`HTTP ${status}`);
	}
}

export const notFound = () => new ApiError(404);
export const unauthorized = () => new ApiError(401);
export const badRequest = (code: string, message: string) => new ApiError(400, { code, message });

export interface FieldProblem {
	field: string;
	message: string;
}

export function validationError(problems: FieldProblem[], message = 'Validation failed'): ApiError {
	return new ApiError(422, { message, errors: problems });
}

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > 10 * 1024 * 1024)
			throw new ApiError(413, { code: 'too_large', message: 'body too large' });
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

export function send(res: ServerResponse, reply: Reply): void {
	const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
	res.writeHead(reply.status, {
		...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
		'content-length': String(Buffer.byteLength(text)),
		...reply.headers,
	});
	res.end(text);
}

/** Body fields: checks that required ones are present (422 with every missing field). */
export function requireFields(body: Record<string, unknown>, fields: string[]): void {
	const missing = fields.filter(
		(field) => body[field] === undefined || body[field] === null || body[field] === '',
	);
	if (missing.length > 0) {
		throw validationError(missing.map((field) => ({ field, message: 'is required' })));
	}
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** Amounts must be decimal strings with at most 2 decimals (never JSON numbers). */
export function checkAmount(value: unknown, field = 'amount'): string {
	if (typeof value !== 'string' || !DECIMAL.test(value) || Number(value) <= 0) {
		throw validationError([
			{
				field,
				message: `must be a positive decimal string such as "12.50" (got ${JSON.stringify(value)})`,
			},
		]);
	}
	return value;
}
