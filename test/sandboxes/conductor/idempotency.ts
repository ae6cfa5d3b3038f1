// Idempotency store: saved results per (secret key, Idempotency-Key), in-flight markers.
import { createHash } from 'node:crypto';

export const MAX_KEY_LENGTH = 255;
const KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface SavedResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

interface Entry {
	fingerprint: string;
	createdAt: number;
	/** undefined while the first request is still executing. */
	response?: SavedResponse;
}

export type Lookup =
	| { kind: 'new' }
	| { kind: 'in-flight' }
	| { kind: 'mismatch' }
	| { kind: 'replay'; response: SavedResponse };

/** JSON with object keys sorted at every level, so key order does not change the fingerprint. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const record = value as Record<string, unknown>;
		const keys = Object.keys(record)
			.filter((key) => record[key] !== undefined)
			.sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

export function fingerprintOf(
	method: string,
	path: string,
	body: unknown,
	retailerId: string | undefined,
): string {
	const material = [method.toUpperCase(), path, canonicalJson(body ?? null), retailerId ?? ''].join(
		'\n',
	);
	return createHash('sha256').update(material).digest('hex');
}

export class IdempotencyStore {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly now: () => number = () => Date.now()) {}

	private scoped(secretKey: string, key: string): string {
		// Keys are scoped per secret key; hash it so the key itself is never stored.
		return `${createHash('sha256').update(secretKey).digest('hex')}:${key}`;
	}

	lookup(secretKey: string, key: string, fingerprint: string): Lookup {
		const id = this.scoped(secretKey, key);
		const entry = this.entries.get(id);
		if (!entry) return { kind: 'new' };
		if (this.now() - entry.createdAt >= KEY_TTL_MS) {
			this.entries.delete(id);
			return { kind: 'new' };
		}
		if (!entry.response) return { kind: 'in-flight' };
		if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
		return { kind: 'replay', response: entry.response };
	}

	/** The endpoint started executing for this key. */
	begin(secretKey: string, key: string, fingerprint: string): void {
		this.entries.set(this.scoped(secretKey, key), { fingerprint, createdAt: this.now() });
	}

	/** The endpoint finished: keep its response for replays. */
	save(secretKey: string, key: string, response: SavedResponse): void {
		const entry = this.entries.get(this.scoped(secretKey, key));
		if (entry) entry.response = response;
	}

	/** The request ended without a result to keep (should not happen; frees the key). */
	abandon(secretKey: string, key: string): void {
		const id = this.scoped(secretKey, key);
		if (!this.entries.get(id)?.response) this.entries.delete(id);
	}

	clear(): void {
		this.entries.clear();
	}
}
