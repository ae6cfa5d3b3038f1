import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listMemento, openMementoSession } from '../transport';

function label(...parts: unknown[]): string {
	return parts.filter((part) => typeof part === 'string' && part.trim() !== '').join(' · ');
}

/** At most this many entries in a dropdown; more than that wants an expression. */
const DROPDOWN_LIMIT = 500;

async function list(context: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	const session = await openMementoSession(context);
	return await listMemento(context, session, {
		method: 'GET',
		path,
		list: { returnAll: false, limit: DROPDOWN_LIMIT },
	});
}

export async function getPaymentSources(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const sources = await list(this, '/v1/payment-sources');
	return sources.map((source) => ({
		name:
			label(
				source.name,
				source.type,
				source.currency,
				source.last4 ? `•••• ${String(source.last4)}` : '',
			) || String(source.uuid),
		value: String(source.uuid),
	}));
}

/** Contacts who are Memento users, for choosing a payment recipient. */
export async function getContactUsers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const contacts = await list(this, '/v1/contacts');
	return contacts
		.filter((contact) => typeof contact.user_uuid === 'string' && contact.user_uuid !== '')
		.map((contact) => ({
			name:
				label(contact.name, contact.username ? `@${String(contact.username)}` : '') ||
				String(contact.user_uuid),
			value: String(contact.user_uuid),
		}));
}

export async function getPools(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const pools = await list(this, '/v1/pools');
	return pools.map((pool) => ({
		name: label(pool.name, pool.status) || String(pool.uuid),
		value: String(pool.uuid),
	}));
}
