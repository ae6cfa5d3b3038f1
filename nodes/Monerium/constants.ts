// What the Monerium credential and node both know about the API. Both import this module; the
// node never imports the credential file.

export const MONERIUM_SANDBOX_URL = 'https://api.monerium.dev';
export const MONERIUM_PRODUCTION_URL = 'https://api.monerium.app';
/** Monerium answers version 2 only to requests that ask for it. */
export const MONERIUM_ACCEPT = 'application/vnd.monerium.api-v2+json';

export type MoneriumEnvironment = 'sandbox' | 'production' | 'custom';

/** The API base URL of an environment; `custom` is for local fakes and proxies. */
export function moneriumBaseUrl(environment: unknown, customUrl?: unknown): string {
	if (environment === 'production') return MONERIUM_PRODUCTION_URL;
	if (environment === 'custom' && typeof customUrl === 'string' && customUrl.trim() !== '') {
		return customUrl.trim().replace(/\/+$/, '');
	}
	return MONERIUM_SANDBOX_URL;
}

export const MAINNET_CHAINS = ['ethereum', 'gnosis', 'polygon', 'arbitrum'] as const;
export const TESTNET_CHAINS = ['sepolia', 'chiado', 'amoy', 'arbitrumsepolia'] as const;
export const CHAIN_NAMES: Record<string, string> = {
	ethereum: 'Ethereum',
	gnosis: 'Gnosis',
	polygon: 'Polygon',
	arbitrum: 'Arbitrum',
	sepolia: 'Sepolia (Ethereum Testnet)',
	chiado: 'Chiado (Gnosis Testnet)',
	amoy: 'Amoy (Polygon Testnet)',
	arbitrumsepolia: 'Arbitrum Sepolia (Testnet)',
};

/**
 * Chains offered per environment. Assumed, not documented: production lists the mainnets; the
 * sandbox lists the testnets first and the mainnet names too, because the document's sandbox
 * examples (api.monerium.dev) use `ethereum`. A custom URL may be either.
 */
export function chainsFor(environment: string): readonly string[] {
	if (environment === 'production') return MAINNET_CHAINS;
	if (environment === 'sandbox') return [...TESTNET_CHAINS, ...MAINNET_CHAINS];
	return [...MAINNET_CHAINS, ...TESTNET_CHAINS];
}
