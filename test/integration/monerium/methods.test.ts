import { runListSearch, runLoadOptions } from '../../harness/run-methods';
import {
	clientCredentialsCredential,
	moneriumNode,
	SEED,
	useMoneriumSandbox,
} from './monerium.fixture';

describe('Monerium: dropdowns', () => {
	const { sandbox, helperFor } = useMoneriumSandbox();
	const node = moneriumNode('Monerium', { resource: 'order', operation: 'getMany' });

	it('lists the profiles the token can see, searchable by name', async () => {
		const all = await runListSearch({
			node,
			method: 'searchProfiles',
			credentialsHelper: helperFor(),
		});
		expect(all.results.map((result) => result.value)).toEqual(
			expect.arrayContaining([SEED.profileId, SEED.corporateProfileId]),
		);
		const corporate = await runListSearch({
			node,
			method: 'searchProfiles',
			filter: 'corporate',
			credentialsHelper: helperFor(),
		});
		expect(corporate.results.map((result) => result.value)).toEqual([SEED.corporateProfileId]);
		expect(
			sandbox().requests.every((request) => request.path !== '/profiles' || request.status === 200),
		).toBe(true);
	});

	it('lists linked addresses with their chains', async () => {
		const addresses = await runListSearch({
			node,
			method: 'searchAddresses',
			credentialsHelper: helperFor(),
		});
		expect(addresses.results.map((result) => result.value)).toContain(SEED.address);
		expect(addresses.results.find((result) => result.value === SEED.address)?.name).toMatch(
			/\(.+\)$/,
		);
	});

	it("lists the chains of the credential's environment", async () => {
		const chainsOf = async (environment: string) =>
			(
				await runLoadOptions({
					node,
					method: 'getChains',
					credentialsHelper: helperFor(clientCredentialsCredential(sandbox(), { environment })),
				})
			).map((chain) => chain.value);
		// Testnets first, then the mainnet names the document's sandbox examples use (ethereum).
		expect(await chainsOf('sandbox')).toEqual([
			'sepolia',
			'chiado',
			'amoy',
			'arbitrumsepolia',
			'ethereum',
			'gnosis',
			'polygon',
			'arbitrum',
		]);
		expect(await chainsOf('production')).toEqual(['ethereum', 'gnosis', 'polygon', 'arbitrum']);
		// A custom URL (a proxy or a local fake) may stand for either: every chain is offered.
		expect(await chainsOf('custom')).toHaveLength(8);
	});
});
