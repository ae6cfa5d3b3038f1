import { MtnMomoApi } from '../../credentials/MtnMomoApi.credentials';
import { isUuidV4 } from '../../nodes/shared/description/field-validation';
import { deriveReferenceUuid, uuidFromName } from '../../nodes/shared/money/reference-uuid';
import {
	callbackWithReference,
	normalizeMsisdn,
	readPartyId,
	readReferenceId,
} from '../../nodes/MtnMomo/actions/common.fields';
import {
	paymentMismatch,
	presentPayment,
	readReason,
} from '../../nodes/MtnMomo/transport/payment-view';
import {
	parseSessionTokens,
	productOfUrl,
	serializeSessionTokens,
} from '../../nodes/MtnMomo/constants';
import { tokenRefusalHint } from '../../nodes/MtnMomo/transport/errors';
import {
	momoCallbackToken,
	rememberOnce,
	signCallbackUrl,
} from '../../nodes/MtnMomo/trigger/callback';

describe('deterministic UUIDs', () => {
	const scope = {
		workflowId: 'w',
		nodeId: 'n',
		operation: 'collection:requestToPay',
		instruction: 'reference:order-3',
	};
	it('are version-4 shaped, stable for the same instruction and different otherwise', () => {
		expect(isUuidV4(deriveReferenceUuid(scope))).toBe(true);
		expect(deriveReferenceUuid(scope)).toBe(deriveReferenceUuid({ ...scope }));
		expect(deriveReferenceUuid({ ...scope, instruction: 'reference:order-4' })).not.toBe(
			deriveReferenceUuid(scope),
		);
		expect(deriveReferenceUuid({ ...scope, operation: 'disbursement:transfer' })).not.toBe(
			deriveReferenceUuid(scope),
		);
		expect(deriveReferenceUuid({ ...scope, nodeId: 'other' })).not.toBe(deriveReferenceUuid(scope));
		expect(uuidFromName('a')).toBe(uuidFromName('a'));
		expect(isUuidV4(uuidFromName('a'))).toBe(true);
	});
});

describe('MSISDN and party checks', () => {
	it.each([
		['256772123456', '256772123456'],
		['+256 772 123 456', '256772123456'],
		['00256-772-123456', '256772123456'],
		['(256) 772.123.456', '256772123456'],
	])('%s becomes %s', (input, expected) => expect(normalizeMsisdn(input, 'Payer')).toBe(expected));

	it.each([
		['0772123456', 'local number'],
		['2567721234567890', '8 to 15 digits'],
		['1234', '8 to 15 digits'],
		['25677abc', 'digits only'],
		['', 'is required'],
	])('%s is refused (%s)', (input, message) =>
		expect(() => normalizeMsisdn(input, 'Payer')).toThrow(message),
	);

	it('checks emails and reference ids', () => {
		expect(() => readPartyId('EMAIL', 'not-an-email', 'Payer')).toThrow('email address');
		expect(readPartyId('EMAIL', 'a@b.co', 'Payer')).toBe('a@b.co');
		expect(() => readReferenceId('123', 'Reference ID')).toThrow('must be a UUID');
	});
});

describe('payment views', () => {
	it('reads the reason as a string or an ErrorReason object', () => {
		expect(readReason('EXPIRED')).toEqual({ code: 'EXPIRED' });
		expect(readReason({ code: 'PAYER_NOT_FOUND', message: 'no such payer' })).toEqual({
			code: 'PAYER_NOT_FOUND',
			message: 'no such payer',
		});
		expect(readReason(undefined)).toEqual({});
	});

	it('presents a status body with flat fields', () => {
		const view = presentPayment('disbursement', 'ref', {
			status: 'FAILED',
			reason: { code: 'PAYEE_NOT_FOUND', message: 'x' },
			amount: '5',
			payee: { partyIdType: 'MSISDN', partyId: '1' },
		});
		expect(view).toMatchObject({
			product: 'disbursement',
			partyId: '1',
			reason: 'PAYEE_NOT_FOUND',
			reasonMessage: 'x',
			finalStatus: true,
		});
	});

	it('compares amounts exactly, ignoring trailing zeros only', () => {
		const wanted = { amount: '10.00', currency: 'EUR', partyId: '1' };
		expect(
			paymentMismatch({ amount: '10', currency: 'EUR', partyId: '1' }, wanted),
		).toBeUndefined();
		expect(paymentMismatch({ amount: '10.01', currency: 'EUR', partyId: '1' }, wanted)).toBe(
			'amount 10.01 instead of 10.00',
		);
		expect(paymentMismatch({ amount: '10', currency: 'UGX', partyId: '2' }, wanted)).toBe(
			'currency UGX instead of EUR, party 2 instead of 1',
		);
	});
});

describe('callbacks', () => {
	it('carry the reference in the URL, keeping what the URL had', () => {
		expect(
			callbackWithReference('https://h.example/webhook/x/callback?a=1', 'r-1', 'collection'),
		).toBe('https://h.example/webhook/x/callback?a=1&referenceId=r-1&product=collection');
	});

	it("to a trigger's Production URL carry reference, product and token in the path, keeping other query parameters", () => {
		const reference = '3f4b5c2e-8a1d-4c6e-9b7f-000000000001';
		const token = momoCallbackToken('key', 'collection', reference);
		const url = callbackWithReference(
			'https://h.example/webhook/6a1f/callback?a=1',
			reference,
			'collection',
		);
		expect(signCallbackUrl(url, 'key')).toBe(
			`https://h.example/webhook/6a1f/callback/6a1f/collection/${reference}/token/${token}?a=1`,
		);
		// A trailing slash is the same URL.
		expect(
			signCallbackUrl(
				callbackWithReference('https://h.example/webhook/6a1f/callback/', reference, 'collection'),
				'key',
			),
		).toBe(`https://h.example/webhook/6a1f/callback/6a1f/collection/${reference}/token/${token}`);
	});

	it('to any other URL carry them in the query, and are unchanged without an API key', () => {
		const url = callbackWithReference('https://proxy.example/momo', 'r-1', 'disbursement');
		expect(signCallbackUrl(url, 'key')).toBe(
			`${url}&token=${momoCallbackToken('key', 'disbursement', 'r-1')}`,
		);
		expect(signCallbackUrl(url, '')).toBe(url);
		expect(signCallbackUrl('https://h.example/webhook/6a1f/callback', 'key')).toBe(
			'https://h.example/webhook/6a1f/callback',
		);
	});

	it('are remembered once, within a bounded list', () => {
		const staticData = {};
		expect(rememberOnce(staticData, 'k')).toBe(true);
		expect(rememberOnce(staticData, 'k')).toBe(false);
		for (let index = 0; index < 1100; index++) rememberOnce(staticData, `x${index}`);
		expect((staticData as { seenCallbacks: string[] }).seenCallbacks).toHaveLength(1000);
	});
});

describe('credential authentication', () => {
	const credential = new MtnMomoApi();
	const data = {
		collectionSubscriptionKey: 'ck',
		disbursementSubscriptionKey: 'dk',
		apiUser: 'user',
		apiKey: 'key',
		targetEnvironment: 'mtnuganda',
		sessionTokens: serializeSessionTokens({
			collection: { token: 'ct' },
			disbursement: { token: 'dt' },
		}),
	};

	it('picks the product from the path', () => {
		expect(productOfUrl('https://h/collection/v1_0/requesttopay')).toBe('collection');
		expect(productOfUrl('https://h/disbursement/v1_0/transfer/x')).toBe('disbursement');
		expect(productOfUrl('https://h/v1_0/apiuser')).toBeUndefined();
	});

	it("sends each product's token, key and target environment", async () => {
		const collection = await credential.authenticate(data, {
			url: 'https://h/collection/v1_0/account/balance',
		});
		expect(collection.headers).toEqual({
			Authorization: 'Bearer ct',
			'Ocp-Apim-Subscription-Key': 'ck',
			'X-Target-Environment': 'mtnuganda',
		});
		const disbursement = await credential.authenticate(data, {
			url: 'https://h/disbursement/v1_0/account/balance',
		});
		expect(disbursement.headers).toMatchObject({
			Authorization: 'Bearer dt',
			'Ocp-Apim-Subscription-Key': 'dk',
		});
	});

	it("reads the product from the HTTP Request node's legacy uri, which comes without url", async () => {
		// requestWithAuthentication (HTTP Request node, predefined credential) passes `uri` only:
		// read as `${baseURL}${url}`, it was "undefined", so no token was sent.
		const legacy = { uri: 'https://h/collection/v1_0/requesttopay', method: 'POST' };
		const collection = await credential.authenticate(
			data,
			legacy as unknown as Parameters<typeof credential.authenticate>[1],
		);
		expect(collection.headers).toEqual({
			Authorization: 'Bearer ct',
			'Ocp-Apim-Subscription-Key': 'ck',
			'X-Target-Environment': 'mtnuganda',
		});
		const disbursement = await credential.authenticate(data, {
			uri: 'https://h/disbursement/v1_0/account/balance',
			headers: { 'x-target-environment': 'sandbox' },
		} as unknown as Parameters<typeof credential.authenticate>[1]);
		expect(disbursement.headers).toEqual({
			Authorization: 'Bearer dt',
			'Ocp-Apim-Subscription-Key': 'dk',
			'x-target-environment': 'sandbox',
		});
	});

	it('uses Basic on the token endpoint and only the key for provisioning', async () => {
		const tokenRequest = await credential.authenticate(data, {
			url: 'https://h/disbursement/token/',
		});
		expect(tokenRequest.headers).toEqual({
			Authorization: `Basic ${Buffer.from('user:key').toString('base64')}`,
			'Ocp-Apim-Subscription-Key': 'dk',
		});
		const provisioning = await credential.authenticate(data, { url: 'https://h/v1_0/apiuser' });
		expect(provisioning.headers).toEqual({ 'Ocp-Apim-Subscription-Key': 'ck' });
	});

	it('keeps token refusals readable and names the field to fix', () => {
		const stored = serializeSessionTokens({
			collection: { refusal: { statusCode: 401, message: 'login_failed' } },
		});
		expect(parseSessionTokens(stored).collection?.refusal?.message).toBe('login_failed');
		expect(parseSessionTokens('garbage')).toEqual({});
		expect(tokenRefusalHint('disbursement', 'invalid subscription key')).toContain(
			'Disbursement Subscription Key',
		);
		expect(tokenRefusalHint('collection', 'login_failed')).toContain('API User and API Key');
	});
});
