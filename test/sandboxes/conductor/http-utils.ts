/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Small helpers over node:http: reading bodies, answering JSON, reading headers.
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Envelope } from './errors';
import type { SavedResponse } from './idempotency';

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('body too large');
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; raw: string };

/** undefined for an empty body; the raw text when it is not JSON. */
export function parseJson(raw: string): ParsedBody {
	if (raw.length === 0) return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(raw) as unknown };
	} catch {
		return { ok: false, raw };
	}
}

export function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

export function allHeaders(req: IncomingMessage): Record<string, string | undefined> {
	const result: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return result;
}

export function isJsonContentType(req: IncomingMessage): boolean {
	const type = header(req, 'content-type');
	return type !== undefined && type.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** Serializes an envelope into the response that is both sent and (maybe) saved for replays. */
export function toResponse(
	status: number,
	/** The `{ status, data }` envelope, or a bare body (an endpoint whose sample has none). */
	envelope: Envelope | Record<string, unknown>,
	extraHeaders: Record<string, string> = {},
): SavedResponse {
	return {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...extraHeaders },
		body: JSON.stringify(envelope),
	};
}

export function send(
	res: ServerResponse,
	response: SavedResponse,
	extraHeaders: Record<string, string> = {},
): void {
	const headers = { ...response.headers, ...extraHeaders };
	res.writeHead(response.status, {
		...headers,
		'content-length': Buffer.byteLength(response.body).toString(),
	});
	res.end(response.body);
}
