import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	callbackKey,
	callbackToken,
	tokenMismatch,
	withCallbackToken,
	CALLBACK_TOKEN_PARAMETER,
	type CallbackTriggerSetup,
} from '../../shared/webhooks/callback-token';

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

/** The token of one order's callback URL, keyed by the credential's Secret Key. */
export function momentoCallbackToken(secretKey: string, orderID: string): string {
	return callbackToken(secretKey, 'momento', orderID);
}

/** An order body whose callback_url carries the token of its orderID (others unchanged). */
export function signCallbackUrl(body: IDataObject, secretKey: string): IDataObject {
	const url = body.callback_url;
	if (typeof url !== 'string' || url === '' || typeof body.orderID !== 'string') return body;
	return {
		...body,
		callback_url: withCallbackToken(url, momentoCallbackToken(secretKey, body.orderID)),
	};
}

/** The Momento Trigger's tokens: keyed with the credential's Secret Key. */
export const MOMENTO_CALLBACKS: CallbackTriggerSetup = {
	credentialType: 'momentoApi',
	keyName: 'secretKey',
	keyLabel: 'Secret Key',
	confirmParameter: 'confirm',
};

/**
 * Why a callback does not authenticate (undefined when it does): its URL must carry the token of
 * the order it names, or the trigger's own Secret Token when one is set.
 */
export async function tokenRefusal(context: IWebhookFunctions): Promise<string | undefined> {
	const received = (context.getQueryData() as IDataObject)[CALLBACK_TOKEN_PARAMETER];
	const expected: string[] = [];
	const own = String(context.getNodeParameter('token', '') ?? '');
	if (own !== '') expected.push(own);
	const secretKey = await callbackKey(context, MOMENTO_CALLBACKS).catch(() => '');
	const orderID = readStatusCallback(context.getBodyData())?.orderID;
	if (secretKey !== '' && orderID) expected.push(momentoCallbackToken(secretKey, orderID));
	return tokenMismatch(expected, received);
}
