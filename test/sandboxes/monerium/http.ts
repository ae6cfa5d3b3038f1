/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Small helpers over node:http for the Monerium sandbox.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new Error('body too large');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

export function header(req: IncomingMessage, name: string): string {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Destroy the connection instead of answering (the request was still executed). */
	drop?: boolean;
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

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	406: 'Not Acceptable',
	409: 'Conflict',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
};

/** Monerium's error body: `{ code, status, message, errors? }` (errors: field -> problem). */
export function error(status: number, message: string, errors?: Record<string, string>): Reply {
	return {
		status,
		body: {
			code: status,
			status: STATUS_TEXT[status] ?? 'Error',
			message,
			...(errors ? { errors } : {}),
		},
	};
}

export function validation(errors: Record<string, string>): Reply {
	return error(422, 'Validation failed', errors);
}

/** Valid IBAN check digits for a country and BBAN (ISO 13616), so seed IBANs pass mod-97. */
export function makeIban(country: string, bban: string): string {
	const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (char) =>
		String(char.charCodeAt(0) - 55),
	);
	let remainder = 0;
	for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
	return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/**
 * The document's IBAN schema: a pattern (country, check digits, groups of four), no checksum;
 * its own examples (EE73I9684012278810458214196) do not pass mod-97.
 */
export function ibanHasFormat(value: string): boolean {
	return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value.replace(/\s+/g, '').toUpperCase());
}

export function ibanIsValid(value: string): boolean {
	const iban = value.replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
	const numeric = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) =>
		String(c.charCodeAt(0) - 55),
	);
	let remainder = 0;
	for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}
