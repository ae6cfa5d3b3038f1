import { moneriumNode, SEED, useMoneriumSandbox, locator } from './monerium.fixture';

describe('Monerium auth and profiles over real HTTP with n8n OAuth2 client credentials', () => {
	const { sandbox, run } = useMoneriumSandbox();

	it('auth:getContext fetches a token once and sends the v2 Accept header', async () => {
		const result = await run({
			nodes: [moneriumNode('Monerium', { resource: 'auth', operation: 'getContext' })],
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Monerium')[0]).toMatchObject({ defaultProfile: SEED.profileId });
		expect(sandbox().oauthStats.clientCredentials).toBe(1);
		const call = sandbox().requests.find((r) => r.path === '/auth/context');
		expect(call?.headers.accept).toBe('application/vnd.monerium.api-v2+json');
		expect(call?.headers.authorization).toMatch(/^Bearer /);
	});
});

describe('Monerium sign-up and profile operations', () => {
	const { sandbox, run } = useMoneriumSandbox();
	const node = (parameters: Record<string, unknown>) =>
		moneriumNode('Monerium', parameters as never);

	it('auth:signup creates a profile, and answers a known email (304) without failing', async () => {
		const created = await run({
			nodes: [node({ resource: 'auth', operation: 'signup', email: 'new@example.com' })],
		});
		expect(created.json('Monerium')[0]).toMatchObject({ email: 'new@example.com', created: true });
		const existing = await run({
			nodes: [node({ resource: 'auth', operation: 'signup', email: SEED.existingEmail })],
		});
		expect(existing.error).toBeUndefined();
		expect(existing.json('Monerium')[0]).toMatchObject({ alreadyExists: true, created: false });
	});

	it('profile:getMany filters by state and kind and honours the limit', async () => {
		const filtered = await run({
			nodes: [
				node({
					resource: 'profile',
					operation: 'getMany',
					returnAll: true,
					filters: { state: 'approved', kind: 'personal' },
				}),
			],
		});
		expect(filtered.json('Monerium')).toEqual([
			expect.objectContaining({ id: SEED.profileId, state: 'approved' }),
		]);
		const limited = await run({
			nodes: [node({ resource: 'profile', operation: 'getMany', returnAll: false, limit: 1 })],
		});
		expect(limited.json('Monerium')).toHaveLength(1);
		expect(
			sandbox()
				.requests.filter((r) => r.path === '/profiles')
				.map((r) => r.status),
		).toEqual([200, 200]);
	});

	it('profile:get returns one profile; an unknown one is a NodeApiError with Monerium status', async () => {
		const found = await run({
			nodes: [node({ resource: 'profile', operation: 'get', profile: locator(SEED.profileId) })],
		});
		expect(found.json('Monerium')[0]).toMatchObject({ id: SEED.profileId, name: 'Jane Doe' });
		const missing = await run({
			nodes: [
				node({
					resource: 'profile',
					operation: 'get',
					profile: locator('11111111-2222-4333-8444-555555555555'),
				}),
			],
		});
		expect(missing.error?.message).toContain('Monerium answered 404');
		expect(missing.error?.description).toContain('Check the ID');
	});

	it('profile:submitDetails, submitForm and submitVerifications PUT the kind-keyed body', async () => {
		const details = JSON.stringify({
			firstName: 'Jane',
			lastName: 'Doe',
			address: 'Main 1',
			postalCode: '101',
			city: 'Reykjavik',
			country: 'IS',
			nationality: 'IS',
			birthday: '1990-05-15',
			idDocument: { number: 'A1', kind: 'passport' },
		});
		for (const [operation, data] of [
			['submitDetails', details],
			['submitForm', '{"occupation":"OCCUPATION_EMPLOYED"}'],
			['submitVerifications', '[{"kind":"idDocument","fileIds":[]}]'],
		]) {
			const result = await run({
				nodes: [
					node({
						resource: 'profile',
						operation,
						profile: locator(SEED.corporateProfileId),
						profileKind: 'corporate',
						data,
					}),
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.json('Monerium')[0]).toMatchObject({
				profile: SEED.corporateProfileId,
				kind: 'corporate',
			});
		}
		expect(
			Object.keys(sandbox().state.profiles.get(SEED.corporateProfileId)!.submitted).sort(),
		).toEqual(['details', 'form', 'verifications']);
	});

	it("Monerium's validation details name the fields in the error", async () => {
		const result = await run({
			nodes: [
				node({
					resource: 'profile',
					operation: 'submitDetails',
					profile: locator(SEED.profileId),
					profileKind: 'personal',
					data: '{"firstName":"Jane"}',
				}),
			],
		});
		expect(result.error?.message).toContain('422');
		expect(result.error?.message).toContain('personal.lastName');
		expect(result.error?.description).toContain('personal.birthday');
	});
});
