import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { CHAIN_NAMES, chainsFor } from '../constants';
import { callMonerium, openMoneriumSession } from '../transport';

function matches(text: string, filter?: string): boolean {
	return !filter || text.toLowerCase().includes(filter.toLowerCase());
}

export const loadOptions = {
	/** The chains of the credential's environment: mainnets in production, testnets in the sandbox. */
	async getChains(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const credentials = await this.getCredentials('moneriumOAuth2Api');
		return chainsFor(String(credentials.environment ?? 'sandbox')).map((value) => ({
			name: CHAIN_NAMES[value],
			value,
		}));
	},
};

export const listSearch = {
	async searchProfiles(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const session = await openMoneriumSession(this);
		const { body } = await callMonerium(this, session, { method: 'GET', path: '/profiles' });
		const profiles = (Array.isArray(body.profiles) ? body.profiles : []) as IDataObject[];
		return {
			results: profiles
				.map((profile) => ({
					name: `${String(profile.name ?? profile.id)} (${String(profile.kind ?? '')}, ${String(profile.state ?? '')})`,
					value: String(profile.id),
				}))
				.filter((entry) => matches(`${entry.name} ${entry.value}`, filter)),
		};
	},

	async searchAddresses(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const session = await openMoneriumSession(this);
		const { body } = await callMonerium(this, session, { method: 'GET', path: '/addresses' });
		const addresses = (Array.isArray(body.addresses) ? body.addresses : []) as IDataObject[];
		return {
			results: addresses
				.map((entry) => {
					const chains = Array.isArray(entry.chains) ? (entry.chains as string[]).join(', ') : '';
					return {
						name: `${String(entry.address)}${chains ? ` (${chains})` : ''}`,
						value: String(entry.address),
					};
				})
				.filter((entry) => matches(entry.name, filter)),
		};
	},
};
