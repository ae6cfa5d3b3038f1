// The sandbox's data: one signed-in user ("me"), other users, and every collection of the API.
import { randomUUID } from 'node:crypto';

import type { Item } from './query';
import { SandboxClock } from './clock';
import type { MementoStats } from './types';

export interface SandboxUser extends Item {
	uuid: string;
	username: string;
	name: string;
	phone: string;
	email: string;
	country: string;
}

export const ME: SandboxUser = {
	uuid: 'fbc521f9-aea8-4da7-840a-1e13ec924b28',
	username: 'jondough',
	name: 'Jon Dough',
	phone: '+44 7700 900001',
	email: 'jon@example.com',
	country: 'GB',
};

export const OTHER_USERS: SandboxUser[] = [
	{
		uuid: 'd6edcdba-f3f1-4249-96bc-bb977fde27fb',
		username: 'annadough',
		name: 'Anna Dough',
		phone: '+44 7700 900002',
		email: 'anna@example.com',
		country: 'GB',
	},
	{
		uuid: '3a0b6f53-2f4e-4c1e-9d1b-7c3b1d2e4f50',
		username: 'bensmith',
		name: 'Ben Smith',
		phone: '+44 7700 900003',
		email: 'ben@example.com',
		country: 'IS',
	},
	{
		uuid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
		username: 'carlajones',
		name: 'Carla Jones',
		phone: '+44 7700 900004',
		email: 'carla@example.com',
		country: 'GB',
	},
];

export const SANDBOX_SECRETS = {
	pin: '1234',
	password: 'correct horse',
	smsCode: '111111',
	sourceVerificationCode: '4321',
};

export class MementoState {
	readonly clock = new SandboxClock();
	readonly stats: MementoStats = {
		sessionsCreated: 0,
		tokensCreated: 0,
		paymentsCreated: 0,
		requestPayments: 0,
		contributions: 0,
		replays: 0,
	};
	me: SandboxUser = { ...ME };
	users: SandboxUser[] = [];
	blocked = new Set<string>();
	contacts: Item[] = [];
	sources: Item[] = [];
	payments: Item[] = [];
	requests: Item[] = [];
	pools: Item[] = [];
	contributions: Item[] = [];
	transactions: Item[] = [];
	notifications: Item[] = [];
	moments: Item[] = [];
	announcements: Item[] = [];
	images: Item[] = [];
	verifications: Item[] = [];
	device: Item = {};
	exports: Item[] = [];

	constructor(private readonly seededPayments: number) {
		this.reset();
	}

	stamp(): { uuid: string; created_at: string; updated_at: string } {
		const now = this.clock.next();
		return { uuid: randomUUID(), created_at: now, updated_at: now };
	}

	user(uuid: string): SandboxUser | undefined {
		return [this.me, ...this.users].find((user) => user.uuid === uuid);
	}

	reset(): void {
		this.clock.reset();
		Object.assign(this.stats, {
			sessionsCreated: 0,
			tokensCreated: 0,
			paymentsCreated: 0,
			requestPayments: 0,
			contributions: 0,
			replays: 0,
		});
		this.me = { ...ME };
		this.users = OTHER_USERS.map((user) => ({ ...user }));
		this.blocked.clear();
		this.contacts = [
			{
				...this.stamp(),
				user_uuid: OTHER_USERS[0].uuid,
				name: 'Anna Dough',
				username: 'annadough',
				country: 'GB',
				emails: ['anna@example.com'],
				phones: ['+44 7700 900002'],
			},
			{
				...this.stamp(),
				user_uuid: OTHER_USERS[1].uuid,
				name: 'Ben Smith',
				username: 'bensmith',
				country: 'IS',
				emails: [],
				phones: ['+44 7700 900003'],
			},
			{
				...this.stamp(),
				user_uuid: null,
				name: 'Dora Nobody',
				username: null,
				country: 'GB',
				emails: ['dora@example.com'],
				phones: ['+44 7700 900099'],
			},
		];
		this.sources = [
			{
				...this.stamp(),
				uuid: '5f0c7c6e-1111-4a1b-9c1d-000000000001',
				type: 'card',
				name: 'Company card',
				currency: 'GBP',
				last4: '4242',
				verified: true,
				default: true,
			},
			{
				...this.stamp(),
				uuid: '5f0c7c6e-2222-4a1b-9c1d-000000000002',
				type: 'bank_account',
				name: 'Savings',
				currency: 'GBP',
				last4: '0099',
				verified: false,
				default: false,
			},
		];
		this.payments = [];
		this.transactions = [];
		for (let index = 0; index < this.seededPayments; index++) {
			const outgoing = index % 3 !== 0;
			const other = OTHER_USERS[index % OTHER_USERS.length];
			this.payments.push({
				...this.stamp(),
				owner_uuid: outgoing ? this.me.uuid : other.uuid,
				sender_uuid: outgoing ? this.me.uuid : other.uuid,
				recipient_uuid: outgoing ? other.uuid : this.me.uuid,
				amount: `${(index % 50) + 1}.${String(index % 100).padStart(2, '0')}`,
				currency: 'GBP',
				status: index % 10 === 0 ? 'pending' : 'completed',
				description: `Seeded payment ${index + 1}`,
			});
		}
		for (let index = 0; index < 30; index++) {
			this.transactions.push({
				...this.stamp(),
				type: index % 2 ? 'in' : 'out',
				amount: `${index + 1}.00`,
				currency: 'GBP',
				payment_source_uuid: this.sources[0].uuid,
				gateway_response: null,
			});
		}
		this.requests = ['Concert tickets', 'Taxi home'].map((description, index) => ({
			...this.stamp(),
			owner_uuid: OTHER_USERS[0].uuid,
			description,
			currency: 'GBP',
			status: 'open',
			image_uuid: null,
			participants: [
				{
					uuid: randomUUID(),
					user_uuid: this.me.uuid,
					phone: null,
					name: this.me.name,
					amount: `${25 + index}.00`,
					status: 'pending',
					reminders: 0,
				},
			],
		}));
		this.pools = [
			{
				...this.stamp(),
				owner_uuid: this.me.uuid,
				name: 'Office gift',
				description: 'For Anna',
				currency: 'GBP',
				amounts: ['5.00', '10.00'],
				status: 'open',
				fulfillment_status: 'unfulfilled',
				public: false,
				total: '0.00',
			},
			{
				...this.stamp(),
				owner_uuid: OTHER_USERS[1].uuid,
				name: 'Team dinner',
				description: '',
				currency: 'GBP',
				amounts: [],
				status: 'open',
				fulfillment_status: 'unfulfilled',
				public: true,
				total: '0.00',
			},
		];
		for (const pool of this.pools) pool.participants = [];
		this.contributions = [];
		this.notifications = Array.from({ length: 12 }, (_, index) => ({
			...this.stamp(),
			type: 'payment_received',
			message: `Notification ${index + 1}`,
			read: index < 6,
		}));
		this.moments = Array.from({ length: 5 }, (_, index) => ({
			...this.stamp(),
			title: `Moment ${index + 1}`,
			payment_uuid: this.payments[index]?.uuid ?? null,
		}));
		this.announcements = [
			{
				...this.stamp(),
				id: 1,
				type_id: 1,
				title: 'Updated Terms of Use',
				message: 'Please read them.',
				action_url: 'http://www.mementopayments.com/terms',
				action_label: 'Open Terms of Use',
				dismissible: true,
			},
			{
				...this.stamp(),
				id: 2,
				type_id: 2,
				title: 'New feature',
				message: 'Money pools are here.',
				action_url: null,
				action_label: null,
				dismissible: true,
			},
		];
		this.images = [];
		this.verifications = [];
		this.exports = [];
		this.device = {
			uuid: '582a5abb-1335-4794-4855-11e067b8c55e',
			make: 'n8n',
			model: 'server',
			os_name: 'linux',
			os_version: '6',
			sdk_version: '17',
			push_token: null,
		};
	}
}
