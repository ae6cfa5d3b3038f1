// The sandbox's OAuth 2.0 token endpoint and authorization endpoint, as the document describes:
// client credentials, authorization code with PKCE (S256 only) and refresh tokens.
import { createHash, randomBytes } from 'node:crypto';

import { error, type Reply } from './http';

export interface TokenRecord {
	expiresAt: number;
	clientId: string;
	grant: 'client_credentials' | 'authorization_code';
}

export interface OAuthClients {
	clientCredentials: { clientId: string; clientSecret: string };
	authorizationCode: { clientId: string };
}

const newRefreshToken = () => randomBytes(16).toString('base64url');

const WRONG_CLIENT = 'The client is not authorized to request a token using this method.';

export class OAuthServer {
	readonly tokens = new Map<string, TokenRecord>();
	private readonly refreshTokens = new Map<string, string>();
	private readonly codes = new Map<
		string,
		{ challenge: string; redirectUri: string; clientId: string }
	>();
	readonly stats = {
		tokenRequests: 0,
		clientCredentials: 0,
		codeExchanges: 0,
		refreshes: 0,
		rejected: 0,
		/** The document's optional /auth parameters of each accepted authorization request. */
		authorizeOptions: [] as Array<Record<string, string>>,
	};

	/**
	 * Whether a used refresh token is refused (invalid_grant) and a new one issued with each
	 * refresh. The document is silent on reuse; rotating is the harder case for concurrent refreshes.
	 */
	rotateRefreshTokens = false;

	constructor(
		readonly clients: OAuthClients,
		public tokenLifetimeSeconds: number,
	) {}

	private issue(clientId: string, grant: TokenRecord['grant'], refreshToken?: string) {
		const accessToken = randomBytes(16).toString('base64url');
		this.tokens.set(accessToken, {
			expiresAt: Date.now() + this.tokenLifetimeSeconds * 1000,
			clientId,
			grant,
		});
		const body: Record<string, unknown> = {
			access_token: accessToken,
			expires_in: this.tokenLifetimeSeconds,
			token_type: 'Bearer',
		};
		if (refreshToken !== undefined) {
			this.refreshTokens.set(refreshToken, clientId);
			body.refresh_token = refreshToken;
		}
		return body;
	}

	/** GET/POST /auth: checks the PKCE request and redirects back with a one-time code. */
	authorize(params: URLSearchParams): Reply {
		const clientId = params.get('client_id') ?? '';
		const challenge = params.get('code_challenge') ?? '';
		const method = params.get('code_challenge_method') ?? 'S256';
		const redirectUri = params.get('redirect_uri') ?? '';
		if (clientId !== this.clients.authorizationCode.clientId)
			return error(400, 'Unknown client_id');
		if (!challenge) return error(400, 'code_challenge is required');
		if (method !== 'S256') return error(400, 'Only the S256 code_challenge_method is supported');
		if (!/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)[:/])/.test(redirectUri)) {
			return error(400, 'redirect_uri must use https (or http://localhost)');
		}
		const address = params.get('address');
		if (address !== null && !/^0x[0-9a-fA-F]{40}$/.test(address))
			return error(400, 'address must match ^0x[0-9a-fA-F]{40}$');
		const signature = params.get('signature');
		if (signature !== null && (!signature.startsWith('0x') || address === null))
			return error(400, 'signature must include the 0x prefix and come with address');
		for (const flag of ['skip_kyc', 'skip_create_account']) {
			const value = params.get(flag);
			if (value !== null && value !== 'true' && value !== 'false')
				return error(400, `${flag} must be a boolean`);
		}
		const options = ['email', 'skip_kyc', 'skip_create_account', 'address', 'signature'];
		this.stats.authorizeOptions.push(
			Object.fromEntries(
				options.flatMap((name) => (params.has(name) ? [[name, params.get(name) ?? '']] : [])),
			),
		);
		const code = randomBytes(12).toString('base64url');
		this.codes.set(code, { challenge, redirectUri, clientId });
		const location = new URL(redirectUri);
		location.searchParams.set('code', code);
		const state = params.get('state');
		if (state) location.searchParams.set('state', state);
		return { status: 307, headers: { location: location.toString() } };
	}

	/** POST /auth/token (application/x-www-form-urlencoded). */
	token(form: URLSearchParams): Reply {
		this.stats.tokenRequests++;
		const grant = form.get('grant_type');
		const clientId = form.get('client_id') ?? '';
		const reject = (reply: Reply) => {
			this.stats.rejected++;
			return reply;
		};
		if (grant === 'client_credentials') {
			const { clientCredentials, authorizationCode } = this.clients;
			if (clientId === authorizationCode.clientId) return reject(error(400, WRONG_CLIENT));
			if (
				clientId !== clientCredentials.clientId ||
				form.get('client_secret') !== clientCredentials.clientSecret
			) {
				return reject({
					status: 401,
					body: { error: 'invalid_client', error_description: 'Bad client credentials' },
				});
			}
			this.stats.clientCredentials++;
			return { status: 200, body: this.issue(clientId, 'client_credentials') };
		}
		if (grant === 'authorization_code') {
			if (clientId !== this.clients.authorizationCode.clientId)
				return reject(error(400, WRONG_CLIENT));
			const code = this.codes.get(form.get('code') ?? '');
			if (!code)
				return reject({
					status: 400,
					body: { error: 'invalid_grant', error_description: 'Unknown or used code' },
				});
			this.codes.delete(form.get('code') ?? '');
			const verifier = form.get('code_verifier') ?? '';
			const computed = createHash('sha256').update(verifier).digest('base64url');
			if (!verifier || computed !== code.challenge) {
				return reject({
					status: 400,
					body: {
						error: 'invalid_grant',
						error_description: 'code_verifier does not match code_challenge',
					},
				});
			}
			if (form.get('redirect_uri') !== code.redirectUri) {
				return reject({
					status: 400,
					body: { error: 'invalid_grant', error_description: 'redirect_uri differs' },
				});
			}
			this.stats.codeExchanges++;
			return { status: 200, body: this.issue(clientId, 'authorization_code', newRefreshToken()) };
		}
		if (grant === 'refresh_token') {
			const refreshToken = form.get('refresh_token') ?? '';
			const owner = this.refreshTokens.get(refreshToken);
			if (!owner || owner !== clientId) {
				return reject({
					status: 400,
					body: { error: 'invalid_grant', error_description: 'Unknown refresh token' },
				});
			}
			this.stats.refreshes++;
			if (!this.rotateRefreshTokens) {
				return { status: 200, body: this.issue(clientId, 'authorization_code', refreshToken) };
			}
			this.refreshTokens.delete(refreshToken);
			return { status: 200, body: this.issue(clientId, 'authorization_code', newRefreshToken()) };
		}
		return reject({ status: 400, body: { error: 'unsupported_grant_type' } });
	}

	/** The token record of a valid, unexpired Bearer token, else undefined. */
	check(authorization: string): TokenRecord | undefined {
		const match = /^Bearer (\S+)$/.exec(authorization);
		const record = match ? this.tokens.get(match[1]) : undefined;
		return record && record.expiresAt > Date.now() ? record : undefined;
	}

	expireAll(): void {
		for (const record of this.tokens.values()) record.expiresAt = 0;
	}
}
