import { createHmac, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

// What the Momento credential and node both know about the API: its URLs and how a request body
// is signed. Both import this module; the node never imports the credential file.

export const MOMENTO_BASE_URLS = {
	sandbox: 'https://pruebas.elmomento.io/integrations',
	production: 'https://api.trade.elmomento.io/integrations',
} as const;

export const MOMENTO_SIGNATURE_HEADER = 'M-Signature';

/** The API root the credential points at, without a trailing slash. */
export function momentoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'sandbox');
	const url =
		environment === 'custom'
			? String(credentials.baseUrl ?? '')
			: environment === 'production'
				? MOMENTO_BASE_URLS.production
				: MOMENTO_BASE_URLS.sandbox;
	return url.trim().replace(/\/+$/, '');
}

/**
 * Signing of a request body with an HMAC over its exact bytes (Momento's M-Signature, and any
 * provider that signs "the raw body"). The body is serialized once here and the same bytes are
 * both signed and sent: a Buffer goes to the wire untouched, whereas a string body would be
 * trimmed by axios and an object re-serialized, either of which can break the signature.
 */

export type HmacAlgorithm = 'sha256' | 'sha512';

/** The bytes a body puts on the wire: nothing for no body, UTF-8 text, or compact JSON. */
export function serializeBody(body: unknown): Buffer {
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof Uint8Array) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body), 'utf8');
}

/** Lowercase hex HMAC of the bytes; an empty body signs the empty string. */
export function hmacHex(algorithm: HmacAlgorithm, secret: string, bytes: Buffer | string): string {
	return createHmac(algorithm, secret).update(bytes).digest('hex');
}

/** Constant-time comparison of a received hex signature with the expected one. */
export function signatureMatches(expectedHex: string, receivedHex: string | undefined): boolean {
	if (typeof receivedHex !== 'string') return false;
	const received = receivedHex.trim().toLowerCase();
	if (!/^[0-9a-f]+$/.test(received) || received.length !== expectedHex.length) return false;
	return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(received, 'hex'));
}

/** Form bodies are not JSON text; a JSON-signing credential must not silently sign nothing. */
function isUnsignableBody(body: unknown): boolean {
	return (
		typeof body === 'object' &&
		body !== null &&
		!Buffer.isBuffer(body) &&
		!(body instanceof Uint8Array) &&
		(body instanceof URLSearchParams ||
			typeof (body as { getHeaders?: unknown }).getHeaders === 'function' ||
			typeof (body as { pipe?: unknown }).pipe === 'function')
	);
}

function withoutHeader(headers: object | undefined, name: string): Record<string, unknown> {
	const lower = name.toLowerCase();
	return Object.fromEntries(
		Object.entries(headers ?? {}).filter(([key]) => key.toLowerCase() !== lower),
	);
}

export interface BodySignatureOptions {
	secret: string;
	algorithm: HmacAlgorithm;
	/** Header that carries the hex signature, e.g. M-Signature. */
	signatureHeader: string;
	/** Content-Type set on every request (the provider wants it even without a body). */
	contentType?: string;
}

/**
 * Serializes the body once, signs those bytes and puts them on the request as a Buffer. Works
 * on n8n's request options and on the legacy ones the HTTP Request node passes (same `body` and
 * `headers`). Safe to apply twice (n8n re-authenticates after a 401): a Buffer is signed as is.
 */
export function applyBodySignature<T extends Pick<IHttpRequestOptions, 'body' | 'headers'>>(
	requestOptions: T,
	options: BodySignatureOptions,
): T & { body?: Buffer } {
	if (isUnsignableBody(requestOptions.body)) {
		throw new Error(
			'This request has a form or stream body, which cannot be signed as JSON; send a JSON body instead',
		);
	}
	const bytes = serializeBody(requestOptions.body);
	let headers = withoutHeader(requestOptions.headers, options.signatureHeader);
	if (options.contentType) {
		headers = { ...withoutHeader(headers, 'content-type'), 'Content-Type': options.contentType };
	}
	headers[options.signatureHeader] = hmacHex(options.algorithm, options.secret, bytes);
	const signed = requestOptions as T & { body?: Buffer };
	signed.headers = headers as IHttpRequestOptions['headers'];
	if (bytes.length === 0) delete signed.body;
	else signed.body = bytes;
	return signed;
}
