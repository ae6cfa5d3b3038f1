// The money-moving operations of the pack as the retry e2e test drives them: the node's
// parameters (reading each item), ten items of a batch, how to make item 6 fail at the provider,
// and what the provider holds for a batch. One entry per operation, by provider.
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { ConductorSandbox } from '../../sandboxes/conductor';
import type { MementoSandbox } from '../../sandboxes/memento';
import type { MomentoSandbox } from '../../sandboxes/momento';
import { MONERIUM_SEED, type MoneriumSandbox } from '../../sandboxes/monerium';
import type { MomoSandbox } from '../../sandboxes/mtn-momo';
import {
	CONDUCTOR_CREDENTIAL_ID,
	MEMENTO_CREDENTIAL_ID,
	MOMENTO_CREDENTIAL_ID,
	MOMO_CREDENTIAL_ID,
	MONERIUM_CREDENTIAL_ID,
	type RunningSandbox,
} from '../providers';

export interface MoneyOperation<S extends RunningSandbox = RunningSandbox> {
	/** e.g. conductor-transaction-create: also the webhook path. */
	id: string;
	provider: string;
	nodeType: string;
	credential: Record<string, { id: string; name: string }>;
	parameters: IDataObject;
	/** Item `index` (0-9) of the batch `tag`; may prepare what the item pays (a transaction to complete). */
	item(sandbox: S, tag: string, index: number): Promise<IDataObject>;
	/**
	 * Makes the money move of item `marker` fail at the provider (before it executes) until the
	 * returned fix is called.
	 */
	failItem(sandbox: S, marker: string): () => void;
	/** The markers of the moves the provider holds for batch `tag`. */
	moves(sandbox: S, tag: string): string[];
}

const conductorCredential = {
	momentConductorApi: { id: CONDUCTOR_CREDENTIAL_ID, name: 'Conductor sandbox' },
};
const momoCredential = { mtnMomoApi: { id: MOMO_CREDENTIAL_ID, name: 'MTN MoMo sandbox' } };

const TVOD = { id: 'bill_651574c0d016708b8b37b8ac', amount: '59.99', currency: 'ZAR' };

/** Conductor's gateway answers 503 to the POST whose body carries `marker`, more often than it is retried. */
function failConductor(
	sandbox: ConductorSandbox,
	path: string | RegExp,
	marker: string,
): () => void {
	let broken = true;
	sandbox.injectFault({
		kind: 'status-503',
		method: 'POST',
		path,
		times: 1000,
		when: (request) =>
			broken &&
			(JSON.stringify(request.body ?? {}).includes(`"${marker}"`) || request.path.includes(marker)),
	});
	return () => {
		broken = false;
	};
}

async function conductorPost(
	sandbox: ConductorSandbox,
	path: string,
	body: IDataObject,
): Promise<IDataObject> {
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${sandbox.secretKey}`,
			'content-type': 'application/json',
			'retailer-id': sandbox.retailerIds[0],
		},
		body: JSON.stringify(body),
	});
	const json = (await response.json()) as { data?: IDataObject };
	if (!response.ok || !json.data)
		throw new Error(`sandbox ${path}: ${response.status} ${JSON.stringify(json)}`);
	return json.data;
}

const references = (records: object[], tag: string, field: string, status?: string) =>
	(records as IDataObject[])
		.filter((record) => String(record[field]).startsWith(`${tag}-`))
		.filter((record) => status === undefined || record.status === status)
		.map((record) => String(record[field]));

export const CONDUCTOR_OPERATIONS: Array<MoneyOperation<ConductorSandbox>> = [
	{
		id: 'conductor-transaction-create',
		provider: 'conductor',
		nodeType: 'momentConductor',
		credential: conductorCredential,
		parameters: {
			resource: 'transaction',
			operation: 'create',
			externalReference: '={{ $json.marker }}',
			itemsSource: 'fields',
			billItems: { bill: [TVOD] },
		},
		item: async (_sandbox, tag, index) => ({ marker: `${tag}-${index + 1}` }),
		failItem: (sandbox, marker) => failConductor(sandbox, '/transactions', marker),
		moves: (sandbox, tag) => references(sandbox.transactions(), tag, 'external_reference'),
	},
	{
		id: 'conductor-transaction-complete',
		provider: 'conductor',
		nodeType: 'momentConductor',
		credential: conductorCredential,
		parameters: {
			resource: 'transaction',
			operation: 'complete',
			transactionId: '={{ $json.transactionId }}',
			paymentMethod: 'CASH',
		},
		item: async (sandbox, tag, index) => {
			const marker = `${tag}-${index + 1}`;
			const created = await conductorPost(sandbox, '/transactions', {
				external_reference: marker,
				items: [{ id: TVOD.id, amount: { currency: TVOD.currency, value: TVOD.amount } }],
				complete: false,
			});
			return { marker, transactionId: created.id };
		},
		failItem: (sandbox, marker) => {
			const record = (sandbox.transactions() as IDataObject[]).find(
				(transaction) => transaction.external_reference === marker,
			);
			const id = String(record?.id);
			return failConductor(sandbox, new RegExp(`/transactions/${id}/complete$`), id);
		},
		moves: (sandbox, tag) =>
			references(sandbox.transactions(), tag, 'external_reference', 'COMPLETED'),
	},
	{
		id: 'conductor-partner-create',
		provider: 'conductor',
		nodeType: 'momentConductor',
		credential: conductorCredential,
		parameters: {
			resource: 'partnerTransaction',
			operation: 'create',
			externalReference: '={{ $json.marker }}',
			billerCode: 'za_dstv',
			identifierType: 'text',
			identifier: '8604275423086',
			amount: '150.5',
			currency: 'ZAR',
			additionalFields: { reference: 'SUBS' },
		},
		item: async (_sandbox, tag, index) => ({ marker: `${tag}-${index + 1}` }),
		failItem: (sandbox, marker) => failConductor(sandbox, /\/partners\/transactions$/, marker),
		moves: (sandbox, tag) =>
			references(sandbox.partnerTransactions(), tag, 'external_transaction_id'),
	},
	{
		id: 'conductor-partner-complete',
		provider: 'conductor',
		nodeType: 'momentConductor',
		credential: conductorCredential,
		parameters: {
			resource: 'partnerTransaction',
			operation: 'complete',
			externalTransactionId: '={{ $json.marker }}',
			paymentMethod: 'MOBILE_MONEY',
		},
		item: async (sandbox, tag, index) => {
			const marker = `${tag}-${index + 1}`;
			await conductorPost(sandbox, '/partners/transactions', {
				external_reference: marker,
				biller_code: 'za_dstv',
				identifier: '8604275423086',
				reference: 'SUBS',
				amount: { currency: 'ZAR', value: '150.50' },
			});
			return { marker };
		},
		failItem: (sandbox, marker) =>
			failConductor(sandbox, new RegExp(`/partners/transactions/${marker}/complete$`), marker),
		moves: (sandbox, tag) =>
			references(sandbox.partnerTransactions(), tag, 'external_transaction_id', 'COMPLETED'),
	},
];

/**
 * Conductor orders carry no reference of the caller's: each item tops up an amount of its own,
 * which tells the batches' orders apart (and makes every item a different instruction).
 */
const orderAmounts = new Map<number, string>();
let nextAmount = 1000;

CONDUCTOR_OPERATIONS.push({
	id: 'conductor-order-create',
	provider: 'conductor',
	nodeType: 'momentConductor',
	credential: conductorCredential,
	parameters: {
		resource: 'order',
		operation: 'create',
		billerCode: 'ng_dstv',
		identifierType: 'customer_number',
		identifier: '1234567890',
		productsSource: 'fields',
		products: {
			product: [
				{ code: 'ng_dstv_topup', quantity: 1, amount: '={{ $json.amount }}', currency: 'NGN' },
			],
		},
	},
	item: async (_sandbox, tag, index) => {
		const amount = nextAmount++;
		const marker = `${tag}-${index + 1}`;
		orderAmounts.set(amount, marker);
		return { marker, amount: `${amount}.00` };
	},
	failItem: (sandbox, marker) => {
		const amount = [...orderAmounts].find(([, entry]) => entry === marker)?.[0];
		let broken = true;
		sandbox.injectFault({
			kind: 'status-503',
			method: 'POST',
			path: '/orders',
			times: 1000,
			when: (request) =>
				broken &&
				Number(
					(request.body as { products?: Array<{ amount?: { value?: string } }> } | undefined)
						?.products?.[0]?.amount?.value,
				) === amount,
		});
		return () => {
			broken = false;
		};
	},
	moves: (sandbox, tag) =>
		(sandbox.orders() as Array<{ items?: Array<{ amount?: { value?: string } }> }>)
			.map((order) => orderAmounts.get(Number(order.items?.[0]?.amount?.value)) ?? '')
			.filter((marker) => marker.startsWith(`${tag}-`)),
});

export const MOMO_OPERATIONS: Array<MoneyOperation<MomoSandbox>> = (
	[
		['collection', 'requestToPay', '/collection/v1_0/requesttopay'],
		['disbursement', 'transfer', '/disbursement/v1_0/transfer'],
	] as const
).map(([product, operation, path]) => ({
	id: `momo-${operation.toLowerCase()}`,
	provider: 'momo',
	nodeType: 'mtnMomo',
	credential: momoCredential,
	parameters: {
		resource: product,
		operation,
		amount: '25.50',
		currency: 'EUR',
		externalId: '={{ $json.marker }}',
		partyIdType: 'MSISDN',
		partyId: '46733123459',
	},
	item: async (_sandbox: MomoSandbox, tag: string, index: number) => ({
		marker: `${tag}-${index + 1}`,
	}),
	failItem: (sandbox: MomoSandbox, marker: string) => {
		let broken = true;
		sandbox.injectFault({
			kind: 'status-500',
			method: 'POST',
			path,
			times: 1000,
			when: (request) =>
				broken && (request.body as { externalId?: string } | undefined)?.externalId === marker,
		});
		return () => {
			broken = false;
		};
	},
	moves: (sandbox: MomoSandbox, tag: string) =>
		sandbox
			.payments(product)
			.map((payment) => String((payment as { externalId?: string }).externalId))
			.filter((externalId) => externalId.startsWith(`${tag}-`)),
}));

/** A fault that holds until its fix is called, for sandboxes whose faults take a body predicate. */
function breakable(): { broken: () => boolean; fix: () => void } {
	let broken = true;
	return {
		broken: () => broken,
		fix: () => {
			broken = false;
		},
	};
}

const momentoCredential = { momentoApi: { id: MOMENTO_CREDENTIAL_ID, name: 'Momento sandbox' } };

/** The customer's e-mail carries the marker: it is part of the order the provider keeps. */
const momentoEmail = '={{ $json.marker + "@example.com" }}';

export const MOMENTO_OPERATIONS: Array<MoneyOperation<MomentoSandbox>> = (
	[
		[
			'deposit',
			'/deposit_orders/',
			{ amount: '500.00', currency: 'DOP', idNumber: '00100000001' },
			(sandbox: MomentoSandbox) => sandbox.deposits(),
		],
		[
			'withdrawal',
			'/withdrawal_orders/',
			{
				amount: '1250.50',
				currency: 'DOP',
				idNumber: '001-0000000-1',
				bankCode: 'BRD',
				accountNumber: '9601234567',
				accountType: 'savings',
			},
			(sandbox: MomentoSandbox) => sandbox.withdrawals(),
		],
	] as const
).map(([resource, path, fields, orders]) => ({
	id: `momento-${resource}-create`,
	provider: 'momento',
	nodeType: 'momento',
	credential: momentoCredential,
	parameters: {
		resource,
		operation: 'create',
		...fields,
		email: momentoEmail,
		callbackUrl: 'https://example.com/momento/callbacks',
	},
	item: async (_sandbox: MomentoSandbox, tag: string, index: number) => ({
		marker: `${tag}-${index + 1}`,
	}),
	failItem: (sandbox: MomentoSandbox, marker: string) => {
		const fault = breakable();
		sandbox.injectFault({
			kind: 'status-500',
			method: 'POST',
			path,
			times: 1000,
			when: (body) =>
				fault.broken() &&
				(body as { request?: { email?: string } } | undefined)?.request?.email ===
					`${marker}@example.com`,
		});
		return fault.fix;
	},
	moves: (sandbox: MomentoSandbox, tag: string) =>
		orders(sandbox)
			.map((order) => String(order.request.email).replace('@example.com', ''))
			.filter((marker) => marker.startsWith(`${tag}-`)),
}));

export const MONERIUM_OPERATIONS: Array<MoneyOperation<MoneriumSandbox & RunningSandbox>> = [
	{
		id: 'monerium-order-place',
		provider: 'monerium',
		nodeType: 'monerium',
		credential: {
			moneriumOAuth2Api: {
				id: MONERIUM_CREDENTIAL_ID,
				name: 'Monerium sandbox (client credentials)',
			},
		},
		parameters: {
			resource: 'order',
			operation: 'place',
			address: { __rl: true, mode: 'id', value: MONERIUM_SEED.address },
			chain: 'sepolia',
			currency: 'eur',
			amount: '100.50',
			counterpartType: 'iban',
			counterpartIban: MONERIUM_SEED.counterpartIban,
			counterpartKind: 'personal',
			firstName: 'Ola',
			lastName: 'Nordmann',
			country: 'DK',
			// Signed anew on every run, as a wallet would: "at" is the current minute.
			message: `={{ 'Send EUR 100.50 to ${MONERIUM_SEED.counterpartIban} at ' + $now.toUTC().toISO().slice(0, 16) + 'Z' }}`,
			signature: '0xdeadbeef',
			memo: '={{ $json.marker }}',
		},
		item: async (_sandbox, tag, index) => ({ marker: `${tag}-${index + 1}` }),
		failItem: (sandbox, marker) => {
			const fault = breakable();
			sandbox.injectFault({
				method: 'POST',
				path: '/orders',
				times: 1000,
				matches: (raw) => fault.broken() && raw.includes(`"${marker}"`),
			});
			return fault.fix;
		},
		moves: (sandbox, tag) =>
			sandbox
				.orders()
				.map((order) => String(order.memo))
				.filter((memo) => memo.startsWith(`${tag}-`)),
	},
];

/** The sandbox's verified card (test/integration/memento). */
const MEMENTO_CARD_UUID = '5f0c7c6e-1111-4a1b-9c1d-000000000001';

const mementoCredential = {
	mementoPaymentsApi: { id: MEMENTO_CREDENTIAL_ID, name: 'Memento Payments sandbox' },
};

export const MEMENTO_OPERATIONS: Array<MoneyOperation<MementoSandbox>> = [
	{
		id: 'memento-payment-create',
		provider: 'memento',
		nodeType: 'mementoPayments',
		credential: mementoCredential,
		parameters: {
			resource: 'payment',
			operation: 'create',
			recipientType: 'user',
			recipientUserUuid: 'd6edcdba-f3f1-4249-96bc-bb977fde27fb',
			amount: '12.50',
			currency: 'GBP',
			paymentSourceUuid: MEMENTO_CARD_UUID,
			// The description carries the marker: it is part of the payment Memento keeps.
			additionalFields: { description: '={{ $json.marker }}' },
		},
		item: async (_sandbox, tag, index) => ({ marker: `${tag}-${index + 1}` }),
		failItem: (sandbox, marker) => {
			const fault = breakable();
			sandbox.injectFault({
				kind: 'status',
				status: 500,
				method: 'POST',
				path: /^\/v1\/payments$/,
				times: 1000,
				when: (request) =>
					fault.broken() &&
					(request.body as { description?: string } | undefined)?.description === marker,
			});
			return fault.fix;
		},
		moves: (sandbox, tag) =>
			sandbox.state.payments
				.map((payment) => String(payment.description))
				.filter((description) => description.startsWith(`${tag}-`)),
	},
	{
		id: 'memento-request-pay',
		provider: 'memento',
		nodeType: 'mementoPayments',
		credential: mementoCredential,
		parameters: {
			resource: 'request',
			operation: 'pay',
			requestUuid: '={{ $json.requestUuid }}',
			paymentSourceUuid: MEMENTO_CARD_UUID,
		},
		item: async (sandbox, tag, index) => {
			// A friend asks me for my share: a request whose description carries the marker.
			const marker = `${tag}-${index + 1}`;
			const template = sandbox.state.requests[0];
			const request = {
				...template,
				...sandbox.state.stamp(),
				description: marker,
				participants: (template.participants as IDataObject[]).map((share) => ({
					...share,
					uuid: randomUUID(),
					status: 'pending',
				})),
			};
			sandbox.state.requests.push(request);
			return { marker, requestUuid: request.uuid };
		},
		failItem: (sandbox, marker) => {
			const fault = breakable();
			const uuid = String(sandbox.state.requests.find((r) => r.description === marker)?.uuid);
			sandbox.injectFault({
				kind: 'status',
				status: 500,
				method: 'POST',
				path: new RegExp(`/v1/requests/${uuid}/pay$`),
				times: 1000,
				when: () => fault.broken(),
			});
			return fault.fix;
		},
		moves: (sandbox, tag) =>
			sandbox.state.requests
				.filter((request) => String(request.description).startsWith(`${tag}-`))
				.flatMap((request) =>
					(request.participants as IDataObject[])
						.filter((share) => share.status === 'paid')
						.map(() => String(request.description)),
				),
	},
	{
		id: 'memento-pool-contribute',
		provider: 'memento',
		nodeType: 'mementoPayments',
		credential: mementoCredential,
		parameters: {
			resource: 'pool',
			operation: 'contribute',
			poolUuid: '={{ $json.poolUuid }}',
			amount: '10',
			paymentSourceUuid: MEMENTO_CARD_UUID,
			// The message carries the marker: Memento keeps it with the contribution.
			additionalFields: { message: '={{ $json.marker }}' },
		},
		item: async (sandbox, tag, index) => ({
			marker: `${tag}-${index + 1}`,
			poolUuid: String(sandbox.state.pools.find((pool) => pool.status === 'open')?.uuid),
		}),
		failItem: (sandbox, marker) => {
			const fault = breakable();
			sandbox.injectFault({
				kind: 'status',
				status: 500,
				method: 'POST',
				path: /\/contributions$/,
				times: 1000,
				when: (request) =>
					fault.broken() && (request.body as { message?: string } | undefined)?.message === marker,
			});
			return fault.fix;
		},
		moves: (sandbox, tag) =>
			sandbox.state.contributions
				.map((contribution) => String(contribution.message))
				.filter((message) => message.startsWith(`${tag}-`)),
	},
];
