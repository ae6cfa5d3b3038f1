// What scenario 1 sends, shared by the in-process and the real-n8n measurements: 1000 Conductor
// transaction:create requests with the same headers and bodies whoever sends them.
import { randomUUID } from 'node:crypto';

import { createTransactionParameters } from '../../test/fixtures/conductor-parameters';
import { CONDUCTOR_SEED } from '../../test/sandboxes/conductor';
import { httpRequestJsonPost } from './http-request-node';

export const BILL = CONDUCTOR_SEED.bills[0];

export interface ConductorInfo {
	baseUrl: string;
	rootUrl: string;
	secretKey: string;
	retailerIds: string[];
}

export interface BenchItem {
	reference: string;
	idempotencyKey: string;
	[key: string]: string;
}

/** Items with references (and keys, for senders that do not derive them) used nowhere else. */
export function conductorItems(count: number, tag: string): BenchItem[] {
	const run = randomUUID().slice(0, 8);
	return Array.from({ length: count }, (_, index) => ({
		reference: `bench-${tag}-${run}-${index}`,
		idempotencyKey: randomUUID(),
	}));
}

/** The body the pack's node builds for one item with the fixture's parameters. */
export function transactionBody(reference: string) {
	return {
		external_reference: reference,
		items: [{ id: BILL.id, amount: { currency: BILL.amount.currency, value: BILL.amount.value } }],
		complete: false,
	};
}

/** The headers the pack's node sends (n8n's helper adds content-type and its user agent). */
export function transactionHeaders(info: ConductorInfo, idempotencyKey: string) {
	return {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		Authorization: `Bearer ${info.secretKey}`,
		'Retailer-Id': info.retailerIds[0],
		'Idempotency-Key': idempotencyKey,
	};
}

/** The pack node's parameters (as in test/integration/conductor): the reference from each item. */
export function packParameters(): Record<string, unknown> {
	return createTransactionParameters();
}

/** The same requests from a plain sequential fetch loop (keep-alive, Node's undici). */
export async function rawFetchLoop(info: ConductorInfo, items: BenchItem[]): Promise<number> {
	let created = 0;
	for (const item of items) {
		const response = await fetch(`${info.baseUrl}/transactions`, {
			method: 'POST',
			headers: transactionHeaders(info, item.idempotencyKey),
			body: JSON.stringify(transactionBody(item.reference)),
		});
		const body = (await response.json()) as { data?: { id?: string } };
		if (response.status < 300 && body.data?.id) created++;
	}
	return created;
}

/**
 * n8n's HTTP Request node sending the same transaction:create request as the pack: predefined
 * momentConductorApi credential, headers and body from expressions on the item.
 */
export function conductorHttpRequestNode(
	name: string,
	info: ConductorInfo,
	credential: { id: string; name: string },
	options: Record<string, unknown> = {},
) {
	// A JS literal with spaces between closing braces: "}}" would end the expression early.
	const amount = `{ currency: ${JSON.stringify(BILL.amount.currency)}, value: ${JSON.stringify(BILL.amount.value)} }`;
	const item = `{ id: ${JSON.stringify(BILL.id)}, amount: ${amount} }`;
	return httpRequestJsonPost(name, {
		url: `${info.baseUrl}/transactions`,
		credentialType: 'momentConductorApi',
		credential,
		headers: [
			{ name: 'Accept', value: 'application/json' },
			{ name: 'Retailer-Id', value: info.retailerIds[0] },
			{ name: 'Idempotency-Key', value: '={{ $json.idempotencyKey }}' },
		],
		jsonBody: `={{ JSON.stringify({ external_reference: $json.reference, items: [${item}], complete: false }) }}`,
		options,
	});
}
