// A tiny fetch-based client for the sandbox's own tests (not used by the node).
import type { ConductorSandbox } from './types';

export interface CallOptions {
	body?: unknown;
	/** Sent as-is instead of JSON.stringify(body). */
	rawBody?: string;
	/** Extra headers; a value of undefined removes a default header. */
	headers?: Record<string, string | undefined>;
	idempotencyKey?: string;
	/** Path relative to the root URL instead of the base URL. */
	root?: boolean;
}

export interface CallResult {
	status: number;
	headers: Headers;
	json: {
		status: { code: number; type: string; detail: string };
		data?: Record<string, unknown> & { [key: string]: unknown };
	};
	text: string;
}

export function conductorClient(sandbox: ConductorSandbox) {
	return async function call(
		method: string,
		path: string,
		options: CallOptions = {},
	): Promise<CallResult> {
		const defaults: Record<string, string | undefined> = {
			authorization: `Bearer ${sandbox.secretKey}`,
			'retailer-id': sandbox.retailerIds[0],
		};
		const hasBody = options.body !== undefined || options.rawBody !== undefined;
		if (hasBody) defaults['content-type'] = 'application/json';
		if (options.idempotencyKey !== undefined) defaults['idempotency-key'] = options.idempotencyKey;
		const merged = { ...defaults, ...options.headers };
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(merged))
			if (value !== undefined) headers[name] = value;
		const url = `${options.root ? sandbox.rootUrl : sandbox.baseUrl}${path}`;
		const response = await fetch(url, {
			method,
			headers,
			body: hasBody ? (options.rawBody ?? JSON.stringify(options.body)) : undefined,
		});
		const text = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			json: JSON.parse(text) as CallResult['json'],
			text,
		};
	};
}

export type ConductorCall = ReturnType<typeof conductorClient>;

export const BILL_SUBS = 'bill_651574c0d016708b8b37b8ab'; // za_dstv, ZAR 929.00
export const BILL_TVOD = 'bill_651574c0d016708b8b37b8ac'; // za_dstv, ZAR 59.99
export const BILL_NG = 'bill_6515751ad016708b8b37b8b1'; // ng_dstv, NGN 15700.00
export const BILL_INACTIVE = 'bill_6515752bd016708b8b37b8c1'; // ke_gotv (inactive), KES

let counter = 0;

/** A valid create-transaction body with a fresh external_reference. */
export function txBody(overrides: Record<string, unknown> = {}) {
	counter += 1;
	return {
		external_reference: `ext-${counter}-${Date.now()}`,
		items: [{ id: BILL_SUBS, amount: { currency: 'ZAR', value: '20' } }],
		...overrides,
	};
}

/** Awaits a call and checks the HTTP status and the envelope's type and code. */
export async function expectError(promise: Promise<CallResult>, status: number, type: string) {
	const result = await promise;
	expect({ status: result.status, type: result.json.status.type }).toEqual({ status, type });
	expect(result.json.status.code).toBe(status);
	return result;
}
