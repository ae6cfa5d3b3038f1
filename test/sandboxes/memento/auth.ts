// The two-step authentication token flow and short-lived sessions.
import { randomBytes, randomUUID } from 'node:crypto';

import { badRequest, notFound, requireFields, unauthorized, validationError } from './http';
import { created, ok, type RouteDef } from './router';
import { SANDBOX_SECRETS } from './state';

interface TokenRecord {
	uuid: string;
	token: string;
	status_id: 1 | 2;
	identity: { type: string; value: string };
	authenticator: string;
	device: Record<string, unknown>;
}

interface Session {
	token: string;
	expiresAt: number;
	expired: boolean;
}

export const PENDING = 1;
export const APPROVED = 2;

export class AuthStore {
	readonly tokens = new Map<string, TokenRecord>();
	readonly sessions = new Map<string, Session>();
	locked = false;

	constructor(
		private readonly lifetimeMs: number,
		readonly seedToken: string,
	) {
		this.reset();
	}

	reset(): void {
		this.tokens.clear();
		this.sessions.clear();
		this.locked = false;
		this.tokens.set('seed', {
			uuid: randomUUID(),
			token: this.seedToken,
			status_id: APPROVED,
			identity: { type: 'username', value: 'jondough' },
			authenticator: 'password',
			device: {},
		});
	}

	approvedToken(value: string): TokenRecord | undefined {
		return [...this.tokens.values()].find(
			(token) => token.token === value && token.status_id === APPROVED,
		);
	}

	openSession(): { token: string; uuid: string; created_at: string; expires_at: string } {
		const token = `ses_${randomBytes(18).toString('hex')}`;
		const now = Date.now();
		this.sessions.set(token, { token, expiresAt: now + this.lifetimeMs, expired: false });
		return {
			token,
			uuid: randomUUID(),
			created_at: new Date(now).toISOString(),
			expires_at: new Date(now + this.lifetimeMs).toISOString(),
		};
	}

	isLive(token: string | undefined): boolean {
		const session = token === undefined ? undefined : this.sessions.get(token);
		return session !== undefined && !session.expired && session.expiresAt > Date.now();
	}

	expireAll(): void {
		for (const session of this.sessions.values()) session.expired = true;
	}
}

export function bearer(authorization: string | undefined): string | undefined {
	return authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
}

function findToken(auth: AuthStore, uuid: string): TokenRecord {
	const record = [...auth.tokens.values()].find((token) => token.uuid === uuid);
	if (!record) throw notFound();
	return record;
}

export const authRoutes: RouteDef[] = [
	{
		method: 'POST',
		pattern: '/v1/tokens',
		auth: 'none',
		handle({ auth, state, body }) {
			requireFields(body, ['identity', 'authenticator', 'device']);
			const identity = body.identity as Record<string, unknown>;
			const device = body.device as Record<string, unknown>;
			if (!identity || typeof identity.type !== 'string' || typeof identity.value !== 'string') {
				throw validationError([{ field: 'identity', message: 'needs a type and a value' }]);
			}
			if (!['username', 'phone', 'email'].includes(identity.type)) {
				throw validationError([
					{ field: 'identity.type', message: 'must be username, phone or email' },
				]);
			}
			if (!device || typeof device.uuid !== 'string') {
				throw validationError([{ field: 'device.uuid', message: 'is required' }]);
			}
			const known = [state.me, ...state.users].find(
				(user) => user[identity.type as 'phone'] === identity.value,
			);
			if (!known)
				throw validationError([{ field: 'identity.value', message: 'no user has this identity' }]);
			// The document's password example answers status_id 1 (pending): every new token waits
			// for step 2, whatever the authenticator.
			const status: 1 | 2 = PENDING;
			if (body.authenticator === 'password') {
				if (body.secret !== SANDBOX_SECRETS.password) {
					throw validationError([{ field: 'secret', message: 'is incorrect' }]);
				}
			} else if (body.authenticator !== 'sms') {
				throw validationError([{ field: 'authenticator', message: 'must be sms or password' }]);
			}
			const record: TokenRecord = {
				uuid: randomUUID(),
				token: `aut_${randomBytes(18).toString('hex')}`,
				status_id: status,
				identity: identity as TokenRecord['identity'],
				authenticator: String(body.authenticator),
				device,
			};
			auth.tokens.set(record.uuid, record);
			state.stats.tokensCreated++;
			return created({ uuid: record.uuid, status_id: record.status_id, token: record.token });
		},
	},
	{
		method: 'POST',
		pattern: '/v1/tokens/:uuid/secret',
		auth: 'none',
		handle({ auth, params, body }) {
			const record = findToken(auth, params.uuid);
			requireFields(body, ['secret']);
			if (body.secret !== SANDBOX_SECRETS.smsCode) {
				throw validationError([{ field: 'secret', message: 'is incorrect or expired' }]);
			}
			// "PIN (depends on the authenticator type)": the document does not say which types need
			// one, so a PIN is optional here; one that is sent must be right.
			if (body.pin !== undefined && body.pin !== SANDBOX_SECRETS.pin)
				throw validationError([{ field: 'pin', message: 'is incorrect' }]);
			record.status_id = APPROVED;
			return ok({ uuid: record.uuid, status_id: record.status_id, token: record.token });
		},
	},
	{
		method: 'GET',
		pattern: '/v1/tokens/:uuid',
		auth: 'none',
		handle({ auth, params }) {
			const record = findToken(auth, params.uuid);
			return ok({ uuid: record.uuid, status_id: record.status_id });
		},
	},
	{
		method: 'POST',
		pattern: '/v1/sessions',
		auth: 'none',
		handle({ auth, state, headers }) {
			const token = bearer(headers.authorization);
			if (!token || !auth.approvedToken(token)) throw unauthorized();
			if (auth.locked) throw badRequest('account_locked', 'The user account is locked');
			state.stats.sessionsCreated++;
			return created(auth.openSession());
		},
	},
	{
		method: 'POST',
		pattern: '/v1/sessions/verify',
		auth: 'none',
		handle({ auth, headers }) {
			if (!auth.isLive(bearer(headers.authorization))) throw unauthorized();
			return ok({ valid: true });
		},
	},
];
