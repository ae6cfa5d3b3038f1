// Webhook subscriptions and Standard Webhooks deliveries, signed with the subscriber's secret.
import { createHmac, randomUUID } from 'node:crypto';

import { error, validation, type Reply } from './http';
import type { MoneriumState, Subscription } from './state';

export const EVENT_TYPES = ['profile.updated', 'iban.updated'];

export interface DeliveryOptions {
	/** Re-use an id: Monerium retries a failed delivery with the same webhook-id. */
	id?: string;
	/** Unix seconds written into webhook-timestamp (default now). */
	timestamp?: number;
	/** Sign with a wrong key, as a forger would. */
	forge?: boolean;
}

export interface Delivery {
	id: string;
	url: string;
	status: number;
	body: string;
}

function secretKey(secret: string): Buffer | undefined {
	if (!secret.startsWith('whsec_')) return undefined;
	const encoded = secret.slice('whsec_'.length);
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
	const key = Buffer.from(encoded, 'base64');
	return key.length >= 24 && key.length <= 64 ? key : undefined;
}

export async function deliver(
	subscription: Subscription,
	payload: Record<string, unknown>,
	options: DeliveryOptions = {},
): Promise<Delivery> {
	const id = options.id ?? `msg_${randomUUID()}`;
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const raw = JSON.stringify(payload);
	const key = options.forge ? Buffer.alloc(32, 7) : (secretKey(subscription.secret) as Buffer);
	const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${raw}`).digest('base64');
	const response = await fetch(subscription.url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'webhook-id': id,
			'webhook-timestamp': timestamp,
			'webhook-signature': `v1,${signature}`,
		},
		body: raw,
	});
	return { id, url: subscription.url, status: response.status, body: await response.text() };
}

/** POST /webhooks: validates, then proves the receiver answers subscription.created with 200. */
export async function subscribe(
	state: MoneriumState,
	body: Record<string, unknown>,
): Promise<Reply> {
	const errors: Record<string, string> = {};
	const { url, secret, types } = body;
	if (typeof url !== 'string' || !/^https?:\/\//.test(url)) errors.url = 'Must be a URL';
	if (typeof secret !== 'string' || !secretKey(secret)) {
		errors.secret = 'Must be whsec_ followed by base64 of 24 to 64 random bytes';
	}
	// The document's Create subscription does not require `types`: without it, every event.
	if (
		types !== undefined &&
		(!Array.isArray(types) || types.some((type) => !EVENT_TYPES.includes(type as string)))
	) {
		errors.types = `Must list event types among ${EVENT_TYPES.join(', ')}`;
	}
	if (Object.keys(errors).length > 0) return validation(errors);
	const subscription: Subscription = {
		id: randomUUID(),
		url: url as string,
		secret: secret as string,
		types: Array.isArray(types) && types.length > 0 ? (types as string[]) : [...EVENT_TYPES],
	};
	let status = 0;
	try {
		const check = await deliver(subscription, {
			type: 'subscription.created',
			timestamp: new Date().toISOString(),
		});
		status = check.status;
	} catch {
		status = 0;
	}
	if (status !== 200)
		return error(400, `Webhook validation failed: the endpoint answered ${status || 'nothing'}`);
	state.subscriptions.push(subscription);
	return {
		status: 201,
		body: { id: subscription.id, url: subscription.url, types: subscription.types },
	};
}
