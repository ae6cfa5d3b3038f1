// Seed data and state of the Monerium sandbox.
import { makeIban } from './http';

export const ACCEPT_V2 = 'application/vnd.monerium.api-v2+json';
/** The sandbox is api.monerium.dev: it knows the test networks. */
/**
 * Every chain the document's Chain schema names: its sandbox examples (api.monerium.dev) use
 * `ethereum`, so the sandbox does not restrict itself to the testnets.
 */
export const SANDBOX_CHAINS = [
	'ethereum',
	'gnosis',
	'polygon',
	'arbitrum',
	'sepolia',
	'chiado',
	'amoy',
	'arbitrumsepolia',
];
export const CURRENCIES = ['eur', 'usd', 'gbp', 'isk'];
export const LINK_MESSAGE = 'I hereby declare that I am the address owner.';

export const SEED = {
	profileId: 'a78d8ff2-e51f-41ed-9e13-cacb9390199c',
	corporateProfileId: '4f079ef8-6d26-41eb-9bc8-acde48001122',
	userId: 'b78d8ff2-e51f-41ed-9e13-cacb9390199d',
	address: '0x59cFC408d310697f9D3598e1BE75B0157a072407',
	secondAddress: '0x798728D5410aB4FB49d2C277A49baC5048aB43ca',
	iban: makeIban('IS', '0001000000000000000001'),
	counterpartIban: 'DK5000400440116243',
	existingEmail: 'existing@example.com',
} as const;

export interface Profile {
	id: string;
	kind: 'personal' | 'corporate';
	name: string;
	state: string;
	submitted: Record<string, unknown>;
}
export interface AddressRecord {
	profile: string;
	address: string;
	chains: string[];
}
export interface IbanRecord {
	iban: string;
	bic: string;
	profile: string;
	address: string;
	chain: string;
}
export type Order = Record<string, unknown> & { id: string; state: string };
export interface FileRecord {
	id: string;
	name: string;
	type: string;
	size: number;
	hash: string;
}
export interface Subscription {
	id: string;
	url: string;
	secret: string;
	types: string[];
}

export class MoneriumState {
	profiles = new Map<string, Profile>();
	addresses = new Map<string, AddressRecord>();
	ibans = new Map<string, IbanRecord>();
	/** The first order placed under each id (what GET /orders/{id} returns). */
	orders = new Map<string, Order>();
	/** Every order placed, oldest first: a repeated id without deduplication is another order. */
	placed: Order[] = [];
	/** Whether a repeated order id is refused with 409 (see MoneriumSandboxOptions). */
	deduplicateOrderIds = false;
	files = new Map<string, FileRecord>();
	users = new Map<string, string>();
	subscriptions: Subscription[] = [];
	/** Order POSTs that reached validation, placed or not. */
	orderAttempts = 0;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.profiles = new Map([
			[
				SEED.profileId,
				{
					id: SEED.profileId,
					kind: 'personal',
					name: 'Jane Doe',
					state: 'approved',
					submitted: {},
				},
			],
			[
				SEED.corporateProfileId,
				{
					id: SEED.corporateProfileId,
					kind: 'corporate',
					name: 'Acme ehf.',
					state: 'pending',
					submitted: {},
				},
			],
		]);
		this.addresses = new Map([
			[
				SEED.address.toLowerCase(),
				{ profile: SEED.profileId, address: SEED.address, chains: ['sepolia', 'chiado'] },
			],
		]);
		this.ibans = new Map([
			[
				SEED.iban,
				{
					iban: SEED.iban,
					bic: 'EAPFESM2XXX',
					profile: SEED.profileId,
					address: SEED.address,
					chain: 'sepolia',
				},
			],
		]);
		this.orders = new Map();
		this.placed = [];
		this.files = new Map();
		this.users = new Map([[SEED.existingEmail, SEED.profileId]]);
		this.subscriptions = [];
		this.orderAttempts = 0;
	}
}
