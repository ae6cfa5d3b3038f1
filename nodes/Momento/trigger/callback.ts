import { timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { OrderKind } from '../actions/types';

/** What the trigger needs from a status callback (its shape is assumed; see the README). */
export interface StatusCallback {
	orderID: string;
	kind?: OrderKind;
	status?: string;
}

export const EVENT_KINDS: Record<string, OrderKind> = {
	depositStatusChanged: 'deposit',
	withdrawalStatusChanged: 'withdrawal',
};

function text(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads orderID, type and status from a callback body; undefined when there is no orderID. */
export function readStatusCallback(body: unknown): StatusCallback | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const record = body as IDataObject;
	const orderID = text(record.orderID) ?? text(record.order_id) ?? text(record.orderId);
	if (!orderID) return undefined;
	const type = text(record.type)
		?.toLowerCase()
		.replace(/_orders?$/, '');
	const kind = type === 'deposit' || type === 'withdrawal' ? type : undefined;
	return { orderID, kind, status: text(record.status)?.toLowerCase() };
}

/** Constant-time check of the secret token a callback URL carries (?token=...). */
export function tokenMatches(expected: string, received: unknown): boolean {
	if (typeof received !== 'string') return false;
	const left = Buffer.from(expected, 'utf8');
	const right = Buffer.from(received, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

const MAX_REMEMBERED = 1000;

/**
 * Remembers the last status emitted per order, so a callback Momento delivers twice for the same
 * state starts the workflow once. Bounded: the oldest orders are forgotten first.
 */
export function isDuplicate(seen: IDataObject, key: string, status: string): boolean {
	return seen[key] === status;
}

export function remember(seen: IDataObject, key: string, status: string): void {
	delete seen[key];
	seen[key] = status;
	const keys = Object.keys(seen);
	for (const old of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete seen[old];
}
