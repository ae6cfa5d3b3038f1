import { runLoadOptions } from '../../harness/run-methods';
import {
	CARD_UUID,
	mementoCredential,
	mementoNode,
	UNVERIFIED_SOURCE_UUID,
	useMementoSandbox,
} from './memento.fixture';

describe('Memento Payments: dropdowns read with the credential', () => {
	const { sandbox } = useMementoSandbox();
	const node = mementoNode('Memento', { resource: 'payment', operation: 'create' });
	const options = async (method: string) =>
		await runLoadOptions({ node, method, credentials: [mementoCredential(sandbox())] });

	it('lists payment sources by name, type, currency and last digits', async () => {
		const sources = await options('getPaymentSources');
		expect(sources).toContainEqual({
			name: 'Company card · card · GBP · •••• 4242',
			value: CARD_UUID,
		});
		expect(sources.map((source) => source.value)).toContain(UNVERIFIED_SOURCE_UUID);
		// The session n8n opens for the dropdown is the credential's one session.
		expect(sandbox().stats.sessionsCreated).toBe(1);
	});

	it('lists only contacts who are Memento users, as payment recipients', async () => {
		const contacts = await options('getContactUsers');
		expect(contacts).toEqual([
			{ name: 'Anna Dough · @annadough', value: 'd6edcdba-f3f1-4249-96bc-bb977fde27fb' },
			{ name: 'Ben Smith · @bensmith', value: '3a0b6f53-2f4e-4c1e-9d1b-7c3b1d2e4f50' },
		]);
	});

	it('lists pools with their status', async () => {
		const pools = await options('getPools');
		expect(pools).toContainEqual(expect.objectContaining({ name: 'Office gift · open' }));
	});
});
