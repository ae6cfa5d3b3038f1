import { locator, moneriumNode, SEED, useMoneriumSandbox } from './monerium.fixture';

const NEW_ADDRESS = '0x1111111111111111111111111111111111111111';

describe('Monerium addresses, balances and IBANs', () => {
	const { sandbox, run } = useMoneriumSandbox();
	const node = (parameters: Record<string, unknown>) =>
		moneriumNode('Monerium', parameters as never);

	it('address:getMany filters by chain; address:get reads one', async () => {
		const list = await run({
			nodes: [
				node({
					resource: 'address',
					operation: 'getMany',
					returnAll: true,
					filters: { chain: 'chiado' },
				}),
			],
		});
		expect(list.json('Monerium')).toEqual([expect.objectContaining({ address: SEED.address })]);
		const none = await run({
			nodes: [
				node({
					resource: 'address',
					operation: 'getMany',
					returnAll: true,
					filters: { chain: 'amoy' },
				}),
			],
		});
		expect(none.json('Monerium')).toEqual([]);
		const one = await run({
			nodes: [node({ resource: 'address', operation: 'get', address: locator(SEED.address) })],
		});
		expect(one.json('Monerium')[0]).toMatchObject({
			profile: SEED.profileId,
			chains: ['sepolia', 'chiado'],
		});
	});

	it('address:link sends the exact ownership message', async () => {
		const result = await run({
			nodes: [
				node({
					resource: 'address',
					operation: 'link',
					linkAddress: NEW_ADDRESS,
					chain: 'amoy',
					signature: '0xabcdef',
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().state.addresses.get(NEW_ADDRESS)?.chains).toEqual(['amoy']);
	});

	it('address:link refuses a bad address before sending anything', async () => {
		const result = await run({
			nodes: [
				node({
					resource: 'address',
					operation: 'link',
					linkAddress: '0x123',
					chain: 'amoy',
					signature: '0x00',
				}),
			],
		});
		expect(result.error?.message).toContain('Address must be a 0x address');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('balance:get reads the balance of an address on a chain, optionally per currency', async () => {
		const result = await run({
			nodes: [
				node({
					resource: 'balance',
					operation: 'get',
					chain: 'sepolia',
					address: locator(SEED.address),
					currency: 'eur',
				}),
			],
		});
		expect(result.json('Monerium')[0]).toMatchObject({
			chain: 'sepolia',
			balances: [{ currency: 'eur', amount: '1250.75' }],
		});
	});

	it('balance:get asks for several currencies with currency repeated, as the document allows', async () => {
		const result = await run({
			nodes: [
				node({
					resource: 'balance',
					operation: 'get',
					chain: 'ethereum',
					address: locator(SEED.address),
					currency: ['eur', 'usd'],
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Monerium')[0]).toMatchObject({
			chain: 'ethereum',
			balances: [
				{ currency: 'eur', amount: '1250.75' },
				{ currency: 'usd', amount: '0' },
			],
		});
		const [request] = sandbox().requests.filter((r) => r.path.startsWith('/balances/'));
		expect(request.query).toBe('currency=eur&currency=usd');
	});

	it('iban:getMany, iban:get, iban:request and iban:move', async () => {
		const list = await run({
			nodes: [node({ resource: 'iban', operation: 'getMany', returnAll: true })],
		});
		expect(list.json('Monerium')).toEqual([expect.objectContaining({ iban: SEED.iban })]);
		const one = await run({
			nodes: [
				node({ resource: 'iban', operation: 'get', iban: SEED.iban.replace(/(.{4})/g, '$1 ') }),
			],
		});
		expect(one.json('Monerium')[0]).toMatchObject({ iban: SEED.iban, chain: 'sepolia' });
		const requested = await run({
			nodes: [
				node({
					resource: 'iban',
					operation: 'request',
					address: locator(SEED.address),
					chain: 'chiado',
				}),
			],
		});
		expect(requested.json('Monerium')[0]).toMatchObject({ requested: true, chain: 'chiado' });
		expect(sandbox().state.ibans.size).toBe(2);
		const moved = await run({
			nodes: [
				node({
					resource: 'iban',
					operation: 'move',
					iban: SEED.iban,
					address: locator(SEED.address),
					chain: 'chiado',
				}),
			],
		});
		expect(moved.json('Monerium')[0]).toMatchObject({ moved: true });
		expect(sandbox().state.ibans.get(SEED.iban)?.chain).toBe('chiado');
	});

	it("iban:get checks the shape only: the document's own example IBAN is sent", async () => {
		const result = await run({
			nodes: [node({ resource: 'iban', operation: 'get', iban: 'EE73I9684012278810458214196' })],
		});
		// It fails mod-97, yet it is the document's example: Monerium, not the node, answers.
		expect(result.error?.message).toBe('Monerium answered 404 Not Found: IBAN not found');
		expect(sandbox().requests.map((r) => r.path)).toContain('/ibans/EE73I9684012278810458214196');
	});

	it('iban:get refuses what is not an IBAN at all before sending', async () => {
		const result = await run({
			nodes: [node({ resource: 'iban', operation: 'get', iban: 'DK50-0040' })],
		});
		expect(result.error?.message).toContain('IBAN is not an IBAN');
		expect(sandbox().requests).toHaveLength(0);
	});
});

describe('Monerium tokens', () => {
	const { sandbox, run } = useMoneriumSandbox();
	const node = (parameters: Record<string, unknown>) => moneriumNode('Monerium', parameters);

	it('token:getMany reads GET /tokens, one item per token', async () => {
		const result = await run({ nodes: [node({ resource: 'token', operation: 'getMany' })] });
		expect(result.error).toBeUndefined();
		const tokens = result.json('Monerium');
		expect(tokens).toContainEqual(
			expect.objectContaining({ currency: 'eur', ticker: 'EUR', symbol: 'EURe', chain: 'gnosis' }),
		);
		expect(tokens.length).toBeGreaterThan(1);
		expect(sandbox().requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /tokens');
	});
});
