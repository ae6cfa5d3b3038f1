import { subscriptionKeyLabel, type MomoProduct } from '../constants';

/** What to fix for each MoMo error code (codes from the MoMo Open API error reference). */
const HINTS: Record<string, string> = {
	PAYEE_NOT_FOUND: 'The payee MSISDN has no MoMo account: check the number and its country code.',
	PAYER_NOT_FOUND: 'The payer MSISDN has no MoMo account: check the number and its country code.',
	NOT_ALLOWED: 'Your API user may not do this: check the products your subscription covers.',
	NOT_ALLOWED_TARGET_ENVIRONMENT:
		'The Target Environment in the credential does not match your API user: use "sandbox" with the sandbox, or your market (e.g. mtnuganda) in production.',
	INVALID_CALLBACK_URL_HOST:
		'The callback URL must be on the host registered as providerCallbackHost for the API user.',
	INVALID_CURRENCY: 'Use a currency your market supports; the MoMo sandbox only accepts EUR.',
	INVALID_AMOUNT: 'Amounts must be positive decimal strings such as "100" or "12.50".',
	INVALID_PARTY:
		'Check the party type and number: MSISDNs are digits with the country code, no plus sign.',
	INVALID_REFERENCE_ID: 'X-Reference-Id must be a UUID version 4.',
	SERVICE_UNAVAILABLE: 'MoMo is unavailable; try again later.',
	INTERNAL_PROCESSING_ERROR:
		'MoMo failed while processing; the payment may or may not have been made. Running the item again (in this execution or a new one) first reads the status by its X-Reference-Id and only sends it if MoMo does not have it.',
	NOT_ENOUGH_FUNDS: 'The paying account does not have enough funds.',
	PAYER_LIMIT_REACHED: 'The payer has reached a transaction limit.',
	PAYEE_NOT_ALLOWED_TO_RECEIVE: 'The payee may not receive this payment.',
	PAYMENT_NOT_APPROVED: 'The payer did not approve the payment.',
	RESOURCE_NOT_FOUND:
		'MoMo has no such resource: check the reference ID, and that it was created with the same API user, product and target environment.',
	RESOURCE_ALREADY_EXIST:
		'This X-Reference-Id was already used. Leave Reference ID empty to derive it from the External ID, or set a new UUID.',
	APPROVAL_REJECTED: 'The payer rejected the payment on their phone.',
	EXPIRED: 'The payer did not approve in time; request the payment again with a new reference.',
	TRANSACTION_CANCELED: 'The transaction was cancelled.',
	RESOURCE_NOT_ACTIVE: 'The account is not active.',
	COULD_NOT_PERFORM_TRANSACTION: 'MoMo could not perform the transaction; contact MTN.',
	BAD_REQUEST: 'Check the fields of this operation.',
};

/** Codes that mean the same answer will come back however often the request is repeated. */
export const PERMANENT_SERVER_CODES = new Set([
	'NOT_ALLOWED',
	'NOT_ALLOWED_TARGET_ENVIRONMENT',
	'INVALID_CALLBACK_URL_HOST',
	'INVALID_CURRENCY',
	'PAYEE_NOT_FOUND',
	'PAYER_NOT_FOUND',
	'RESOURCE_NOT_FOUND',
	'RESOURCE_ALREADY_EXIST',
	'COULD_NOT_PERFORM_TRANSACTION',
]);

/** Codes with which MoMo refuses a request before acting on it, whatever the HTTP status. */
export const REFUSAL_CODES = new Set([
	'NOT_ALLOWED',
	'NOT_ALLOWED_TARGET_ENVIRONMENT',
	'INVALID_CALLBACK_URL_HOST',
	'INVALID_CURRENCY',
	'INVALID_AMOUNT',
	'INVALID_PARTY',
	'INVALID_REFERENCE_ID',
	'PAYEE_NOT_FOUND',
	'PAYER_NOT_FOUND',
	'BAD_REQUEST',
]);

export function momoHint(
	code: string | undefined,
	statusCode: number,
	product: MomoProduct | undefined,
): string | undefined {
	if (code && HINTS[code]) return HINTS[code];
	if (statusCode === 401) {
		return product
			? `Check the ${subscriptionKeyLabel(product)}, API User and API Key in the MTN MoMo credential.`
			: 'Check the subscription key in the MTN MoMo credential.';
	}
	if (statusCode === 403)
		return 'Check the Target Environment and the products of your subscription.';
	if (statusCode === 429)
		return 'MoMo is rate limiting this subscription; run fewer items at a time.';
	if (statusCode >= 500) return 'MoMo failed; try again later.';
	return undefined;
}

/** Names the credential field to fix when the token exchange was refused. */
export function tokenRefusalHint(product: MomoProduct, message: string): string {
	if (/subscription key/i.test(message)) {
		return `The ${subscriptionKeyLabel(product)} is wrong or not subscribed to the ${product} product: copy it again from the MoMo Developer portal (Profile > Subscriptions).`;
	}
	return `MoMo did not accept the API User and API Key: check both in the credential (in the sandbox, create them with Sandbox > Create API User and Create API Key, using the ${subscriptionKeyLabel(product)}).`;
}
