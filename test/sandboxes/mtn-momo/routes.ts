// The MoMo Open API endpoints the sandbox implements (paths as MTN documents them).
import { randomBytes } from 'node:crypto';

import { MomoState, paymentView, type ApiUserRecord } from './state';
import type { MomoPayment, MomoProduct, MomoSandboxOptions } from './types';
import {
	checkPaymentBody,
	checkReferenceId,
	isMomoError,
	momoError,
	type MomoError,
} from './validation';

export interface ParsedRequest {
	method: string;
	path: string;
	headers: Record<string, string | undefined>;
	body: unknown;
}

export interface Reply {
	status: number;
	body?: unknown;
}

export interface RouteContext {
	state: MomoState;
	subscriptionKeys: Record<MomoProduct, string>;
	options: Required<Omit<MomoSandboxOptions, 'port' | 'callbackQuery'>>;
	/** Called for every accepted payment, to settle it later and call its callback URL. */
	scheduleSettlement(payment: MomoPayment): void;
}

const INVALID_KEY = {
	statusCode: 401,
	message:
		'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
};
const INVALID_TOKEN = { statusCode: 401, message: 'Access token is missing, invalid or expired.' };
const NOT_FOUND = { code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' };

function fromError(error: MomoError): Reply {
	return { status: error.status, body: error.body };
}

function token(ctx: RouteContext, product: MomoProduct, req: ParsedRequest): Reply {
	ctx.state.stats.tokenRequests[product]++;
	if (req.headers['ocp-apim-subscription-key'] !== ctx.subscriptionKeys[product]) {
		return { status: 401, body: INVALID_KEY };
	}
	const match = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
	const [userId, apiKey] = match ? Buffer.from(match[1], 'base64').toString('utf8').split(':') : [];
	const user = userId ? ctx.state.users.get(userId) : undefined;
	if (!user || !user.apiKey || user.apiKey !== apiKey) {
		return { status: 401, body: { error: 'login_failed' } };
	}
	const issued = ctx.state.issueToken(product, user.id);
	return {
		status: 200,
		body: { access_token: issued.token, token_type: 'access_token', expires_in: issued.expiresIn },
	};
}

function provisioning(ctx: RouteContext, req: ParsedRequest): Reply | undefined {
	const key = req.headers['ocp-apim-subscription-key'];
	if (!Object.values(ctx.subscriptionKeys).includes(key ?? ''))
		return { status: 401, body: INVALID_KEY };
	if (req.method === 'POST' && req.path === '/v1_0/apiuser') {
		const problem = checkReferenceId(req.headers['x-reference-id']);
		if (problem) return fromError(problem);
		const id = req.headers['x-reference-id'] as string;
		const host = (req.body as { providerCallbackHost?: unknown } | undefined)?.providerCallbackHost;
		if (typeof host !== 'string' || host === '') {
			return fromError(momoError(400, 'BAD_REQUEST', 'providerCallbackHost is required.'));
		}
		if (ctx.state.users.has(id)) {
			return fromError(
				momoError(
					409,
					'RESOURCE_ALREADY_EXIST',
					'Duplicated reference id. Creation of resource failed.',
				),
			);
		}
		ctx.state.users.set(id, { id, providerCallbackHost: host });
		ctx.state.stats.apiUsersCreated++;
		return { status: 201 };
	}
	const match = /^\/v1_0\/apiuser\/([^/]+)(\/apikey)?$/.exec(req.path);
	if (!match) return undefined;
	const user = ctx.state.users.get(decodeURIComponent(match[1]));
	if (!user) return { status: 404, body: NOT_FOUND };
	if (req.method === 'POST' && match[2]) {
		user.apiKey = randomBytes(16).toString('hex');
		ctx.state.stats.apiKeysCreated++;
		return { status: 201, body: { apiKey: user.apiKey } };
	}
	if (req.method === 'GET' && !match[2]) {
		return {
			status: 200,
			body: { providerCallbackHost: user.providerCallbackHost, targetEnvironment: 'sandbox' },
		};
	}
	return undefined;
}

function authorize(
	ctx: RouteContext,
	product: MomoProduct,
	req: ParsedRequest,
): ApiUserRecord | Reply {
	if (req.headers['ocp-apim-subscription-key'] !== ctx.subscriptionKeys[product]) {
		return { status: 401, body: INVALID_KEY };
	}
	const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
	const user = bearer ? ctx.state.tokenUser(bearer[1], product) : undefined;
	if (!user) return { status: 401, body: INVALID_TOKEN };
	if (req.headers['x-target-environment'] !== 'sandbox') {
		return fromError(
			momoError(
				403,
				'NOT_ALLOWED_TARGET_ENVIRONMENT',
				'Access to target environment is forbidden.',
			),
		);
	}
	return user;
}

function createPayment(
	ctx: RouteContext,
	product: MomoProduct,
	user: ApiUserRecord,
	req: ParsedRequest,
): Reply {
	const problem = checkReferenceId(req.headers['x-reference-id']);
	if (problem) return fromError(problem);
	const referenceId = (req.headers['x-reference-id'] as string).toLowerCase();
	const callbackUrl = req.headers['x-callback-url'];
	if (callbackUrl) {
		let host = '';
		try {
			host = new URL(callbackUrl).hostname;
		} catch {
			host = '';
		}
		if (host !== user.providerCallbackHost) {
			return fromError(
				momoError(
					400,
					'INVALID_CALLBACK_URL_HOST',
					'Callback URL with different host than the one configured for the API user.',
				),
			);
		}
	}
	const checked = checkPaymentBody(
		req.body,
		product === 'collection' ? 'payer' : 'payee',
		'sandbox',
	);
	if (isMomoError(checked)) return fromError(checked);
	let key = ctx.state.paymentKey(product, referenceId);
	if (ctx.state.payments.has(key) && ctx.options.repeatedReference === 'accept') {
		// Executed again as a new payment; the status read by the reference shows the first.
		ctx.state.stats.duplicateReferences++;
		key = `${key}#${ctx.state.payments.size}`;
	} else if (ctx.state.payments.has(key)) {
		ctx.state.stats.duplicateReferences++;
		return fromError(
			momoError(
				409,
				'RESOURCE_ALREADY_EXIST',
				'Duplicated reference id. Creation of resource failed.',
			),
		);
	}
	const payment: MomoPayment = {
		product,
		referenceId,
		amount: checked.amount,
		currency: checked.currency,
		externalId: checked.externalId,
		party: checked.party,
		payerMessage: checked.payerMessage,
		payeeNote: checked.payeeNote,
		status: 'PENDING',
		callbackUrl,
		settleAt: Date.now() + ctx.options.settleAfterMs,
	};
	ctx.state.payments.set(key, payment);
	if (product === 'collection') ctx.state.stats.requestsToPay++;
	else ctx.state.stats.transfers++;
	ctx.scheduleSettlement(payment);
	return { status: 202 };
}

function productApi(
	ctx: RouteContext,
	product: MomoProduct,
	user: ApiUserRecord,
	req: ParsedRequest,
	rest: string,
): Reply | undefined {
	const paymentPath = product === 'collection' ? 'requesttopay' : 'transfer';
	if (req.method === 'POST' && rest === paymentPath) return createPayment(ctx, product, user, req);
	const status = new RegExp(`^${paymentPath}/([^/]+)$`).exec(rest);
	if (req.method === 'GET' && status) {
		const payment = ctx.state.payments.get(
			ctx.state.paymentKey(product, decodeURIComponent(status[1]).toLowerCase()),
		);
		if (!payment) return { status: 404, body: NOT_FOUND };
		ctx.state.settleIfDue(payment);
		return { status: 200, body: paymentView(payment) };
	}
	if (req.method === 'GET' && rest === 'account/balance')
		return { status: 200, body: { ...ctx.state.balances[product] } };
	const holder = /^accountholder\/([^/]+)\/([^/]+)\/(active|basicuserinfo)$/.exec(rest);
	if (req.method !== 'GET' || !holder) return undefined;
	const [, type, rawId, what] = holder;
	const id = decodeURIComponent(rawId);
	if (!['msisdn', 'email', 'party_code'].includes(type.toLowerCase())) {
		return fromError(
			momoError(400, 'BAD_REQUEST', 'accountHolderIdType must be msisdn, email or party_code.'),
		);
	}
	if (type.toLowerCase() === 'msisdn' && !/^\d{8,15}$/.test(id)) {
		return fromError(
			momoError(
				400,
				'INVALID_PARTY',
				'accountHolderId must be an MSISDN: digits only, with country code.',
			),
		);
	}
	const unknown = id === '46733123456';
	if (what === 'active') return { status: 200, body: { result: !unknown } };
	if (product !== 'collection' || type.toLowerCase() !== 'msisdn') return undefined;
	if (unknown) return { status: 404, body: NOT_FOUND };
	return {
		status: 200,
		body: {
			given_name: 'Sand',
			family_name: `Box ${id.slice(-4)}`,
			birthdate: '1990-01-01',
			locale: 'en',
			gender: 'FEMALE',
			status: 'ACTIVE',
		},
	};
}

export function route(ctx: RouteContext, req: ParsedRequest): Reply {
	const tokenMatch = /^\/(collection|disbursement)\/token\/?$/.exec(req.path);
	if (tokenMatch && req.method === 'POST') return token(ctx, tokenMatch[1] as MomoProduct, req);
	if (req.path.startsWith('/v1_0/apiuser')) {
		return provisioning(ctx, req) ?? { status: 404, body: NOT_FOUND };
	}
	const api = /^\/(collection|disbursement)\/v1_0\/(.+)$/.exec(req.path);
	if (!api) return { status: 404, body: NOT_FOUND };
	const product = api[1] as MomoProduct;
	const user = authorize(ctx, product, req);
	if ('status' in user) return user;
	return productApi(ctx, product, user, req, api[2]) ?? { status: 404, body: NOT_FOUND };
}
