// The API routes of the Monerium sandbox (after OAuth and the Accept header were checked).
import { randomUUID } from 'node:crypto';

import { uploadFile } from './files';
import { error, ibanHasFormat, makeIban, validation, type Reply } from './http';
import { listOrders, placeOrder } from './orders';
import { LINK_MESSAGE, SANDBOX_CHAINS, SEED, CURRENCIES, type MoneriumState } from './state';
import { subscribe } from './webhooks';

export interface ApiRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	json: Record<string, unknown> | undefined;
	raw: Buffer;
	contentType: string;
	profile: string;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DETAILS_PERSONAL = [
	'firstName',
	'lastName',
	'address',
	'postalCode',
	'city',
	'country',
	'nationality',
	'birthday',
];

function addressChecks(
	state: MoneriumState,
	body: Record<string, unknown> | undefined,
	profile: string,
) {
	const errors: Record<string, string> = {};
	if (typeof body?.address !== 'string' || !ADDRESS.test(body.address))
		errors.address = 'Must match ^0x[0-9a-fA-F]{40}$';
	else if (state.addresses.get(body.address.toLowerCase())?.profile !== profile)
		errors.address = 'Not a linked address';
	if (!SANDBOX_CHAINS.includes(String(body?.chain))) errors.chain = 'Not a supported chain';
	return errors;
}

function submitProfile(
	state: MoneriumState,
	id: string,
	part: string,
	body: Record<string, unknown> | undefined,
): Reply {
	const profile = state.profiles.get(id);
	if (!profile) return error(404, 'Profile not found');
	const keys = Object.keys(body ?? {});
	if (keys.length !== 1 || !['personal', 'corporate'].includes(keys[0])) {
		return validation({ body: 'Exactly one of personal or corporate' });
	}
	if (profile.state === 'approved' && keys[0] !== profile.kind)
		return validation({ [keys[0]]: 'The profile kind cannot change' });
	const data = (body as Record<string, unknown>)[keys[0]];
	if (
		part === 'verifications'
			? !Array.isArray(data) || data.length === 0
			: typeof data !== 'object' || data === null || Array.isArray(data)
	) {
		return validation({
			[keys[0]]: part === 'verifications' ? 'Must be a non-empty array' : 'Must be an object',
		});
	}
	if (part === 'details' && keys[0] === 'personal') {
		const missing = DETAILS_PERSONAL.filter((field) => !(data as Record<string, unknown>)[field]);
		if (missing.length > 0)
			return validation(
				Object.fromEntries(missing.map((field) => [`personal.${field}`, 'Required'])),
			);
	}
	profile.submitted[part] = data;
	if (profile.state === 'created' || profile.state === 'rejected') profile.state = 'pending';
	return { status: 200, body: {} };
}

export async function route(state: MoneriumState, request: ApiRequest): Promise<Reply> {
	const { method, path, query, json: body, profile } = request;
	const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
	const [root, id, sub] = segments;

	if (method === 'GET' && path === '/tokens') {
		// The document's Tokens schema: currency, ticker, symbol, chain, address, decimals.
		const tokens = SANDBOX_CHAINS.flatMap((chain, chainIndex) =>
			CURRENCIES.map((currency, index) => ({
				currency,
				ticker: currency.toUpperCase(),
				symbol: `${currency.toUpperCase()}e`,
				chain,
				address: `0x${String(chainIndex * 10 + index + 1).padStart(40, '0')}`,
				decimals: '18',
			})),
		);
		return { status: 200, body: tokens };
	}
	if (method === 'GET' && path === '/auth/context') {
		return {
			status: 200,
			body: {
				userId: SEED.userId,
				email: 'user@example.com',
				name: 'user@example.com',
				roles: [],
				auth: { method: 'bearer', subject: 'user@example.com', verified: true },
				defaultProfile: SEED.profileId,
				profiles: [...state.profiles.values()].map((p) => ({
					id: p.id,
					kind: p.kind,
					name: p.name,
					perms: ['read', 'write'],
				})),
			},
		};
	}
	if (method === 'POST' && path === '/auth/signup') {
		const email = body?.email;
		if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email))
			return validation({ email: 'Must be an email' });
		if (state.users.has(email)) return { status: 304 };
		const newProfile = randomUUID();
		state.users.set(email, newProfile);
		state.profiles.set(newProfile, {
			id: newProfile,
			kind: 'personal',
			name: email,
			state: 'created',
			submitted: {},
		});
		return { status: 201, body: { email, profile: newProfile } };
	}
	if (root === 'profiles') {
		if (method === 'GET' && !id) {
			const errors: Record<string, string> = {};
			const stateFilter = query.get('state');
			const kind = query.get('kind');
			if (
				stateFilter &&
				!['created', 'pending', 'approved', 'rejected', 'blocked'].includes(stateFilter)
			)
				errors.state = 'Unknown state';
			if (kind && !['personal', 'corporate'].includes(kind)) errors.kind = 'Unknown kind';
			if (Object.keys(errors).length > 0) return validation(errors);
			const profiles = [...state.profiles.values()]
				.filter((p) => (!stateFilter || p.state === stateFilter) && (!kind || p.kind === kind))
				.map(({ id: pid, kind: k, name, state: s }) => ({ id: pid, kind: k, name, state: s }));
			return { status: 200, body: { profiles } };
		}
		if (method === 'GET' && id && !sub) {
			const found = state.profiles.get(id);
			return found
				? {
						status: 200,
						body: { id: found.id, kind: found.kind, name: found.name, state: found.state },
					}
				: error(404, 'Profile not found');
		}
		if (method === 'PUT' && id && ['details', 'form', 'verifications'].includes(sub ?? '')) {
			return submitProfile(state, id, sub as string, body);
		}
	}
	if (root === 'addresses') {
		if (method === 'GET' && !id) {
			const owner = query.get('profile') ?? profile;
			if (!UUID.test(owner)) return validation({ profile: 'Must be a UUID' });
			const chain = query.get('chain');
			const addresses = [...state.addresses.values()].filter(
				(a) => a.profile === owner && (!chain || a.chains.includes(chain)),
			);
			return { status: 200, body: { addresses } };
		}
		if (method === 'GET' && id) {
			if (!ADDRESS.test(id)) return validation({ address: 'Must match ^0x[0-9a-fA-F]{40}$' });
			const found = state.addresses.get(id.toLowerCase());
			return found ? { status: 200, body: found } : error(404, 'Address not found');
		}
		if (method === 'POST' && !id) {
			const errors: Record<string, string> = {};
			if (typeof body?.address !== 'string' || !ADDRESS.test(body.address))
				errors.address = 'Must match ^0x[0-9a-fA-F]{40}$';
			if (!SANDBOX_CHAINS.includes(String(body?.chain))) errors.chain = 'Not a supported chain';
			if (body?.message !== LINK_MESSAGE) errors.message = `Must be exactly "${LINK_MESSAGE}"`;
			// The document: "Must include the 0x prefix"; it does not say the rest is hex.
			if (typeof body?.signature !== 'string' || !body.signature.startsWith('0x'))
				errors.signature = 'Must include the 0x prefix';
			if (Object.keys(errors).length > 0) return validation(errors);
			const key = (body?.address as string).toLowerCase();
			const record = state.addresses.get(key) ?? {
				profile: (body?.profile as string) ?? profile,
				address: body?.address as string,
				chains: [],
			};
			if (!record.chains.includes(body?.chain as string)) record.chains.push(body?.chain as string);
			state.addresses.set(key, record);
			return { status: 201, body: record };
		}
	}
	if (root === 'balances' && method === 'GET' && id && sub) {
		if (!SANDBOX_CHAINS.includes(id)) return validation({ chain: 'Not a supported chain' });
		if (!ADDRESS.test(sub)) return validation({ address: 'Must match ^0x[0-9a-fA-F]{40}$' });
		const currencies = query.getAll('currency');
		if (currencies.some((c) => !CURRENCIES.includes(c)))
			return validation({ currency: 'Unknown currency' });
		const known = state.addresses.has(sub.toLowerCase());
		const balances = (currencies.length > 0 ? currencies : ['eur']).map((currency) => ({
			currency,
			amount: known && currency === 'eur' ? '1250.75' : '0',
		}));
		return { status: 200, body: { address: sub, chain: id, balances } };
	}
	if (root === 'ibans') {
		if (method === 'GET' && !id) {
			const owner = query.get('profile') ?? profile;
			const chain = query.get('chain');
			return {
				status: 200,
				body: {
					ibans: [...state.ibans.values()].filter(
						(i) => i.profile === owner && (!chain || i.chain === chain),
					),
				},
			};
		}
		if (id && !ibanHasFormat(id)) return validation({ iban: 'Not a valid IBAN' });
		if (method === 'GET' && id)
			return state.ibans.has(id)
				? { status: 200, body: state.ibans.get(id) }
				: error(404, 'IBAN not found');
		if (method === 'POST' && !id) {
			const errors = addressChecks(state, body, profile);
			if (Object.keys(errors).length > 0) return validation(errors);
			if (
				[...state.ibans.values()].some(
					(i) =>
						i.address.toLowerCase() === String(body?.address).toLowerCase() &&
						i.chain === body?.chain,
				)
			) {
				return error(409, 'An IBAN already exists for this address and chain');
			}
			const iban = makeIban('IS', String(Date.now() + state.ibans.size).padStart(22, '0'));
			state.ibans.set(iban, {
				iban,
				bic: 'EAPFESM2XXX',
				profile,
				address: body?.address as string,
				chain: body?.chain as string,
			});
			return { status: 202, body: {} };
		}
		if (method === 'PUT' && id) {
			const found = state.ibans.get(id);
			if (!found) return error(404, 'IBAN not found');
			const errors = addressChecks(state, body, found.profile);
			if (Object.keys(errors).length > 0) return validation(errors);
			Object.assign(found, { address: body?.address, chain: body?.chain });
			return { status: 202, body: {} };
		}
	}
	if (root === 'orders') {
		if (method === 'POST' && !id) return placeOrder(state, profile, body ?? {});
		if (method === 'GET' && !id) return listOrders(state, profile, query);
		if (method === 'GET' && id)
			return state.orders.has(id)
				? { status: 200, body: state.orders.get(id) }
				: error(404, 'Order not found');
	}
	if (root === 'files' && method === 'POST' && !id)
		return uploadFile(state, request.raw, request.contentType);
	if (root === 'webhooks' && method === 'POST' && !id) return await subscribe(state, body ?? {});
	return error(404, `No route ${method} ${path}`);
}
