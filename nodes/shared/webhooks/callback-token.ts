/**
 * The secret a callback URL carries (MTN MoMo, Momento: their callbacks are not signed).
 *
 * The node that hands a callback URL to the provider adds the token (`?token=...`, or a
 * `/token/...` path segment where the provider may drop the query); the trigger recomputes it and
 * refuses any request without it. The token is an HMAC of the payment's own reference, keyed
 * with a secret of the credential both nodes use, so it is never stored in workflow or execution
 * data, needs no setup, and a token seen in one callback URL cannot be reused for another payment.
 */

import { createHash, createHmac, timingSafeEqual } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { countRejectedDelivery, rejectedDeliveries, triggerScope } from './recent-deliveries';
import { answerDelivery, type DeliveryAnswer } from './webhook-delivery';

export const CALLBACK_TOKEN_PARAMETER = 'token';

const MASK = '***';

/** The token for one payment (`binding`: its reference) of a provider, keyed by a credential secret. */
export function callbackToken(key: string, provider: string, binding: string): string {
	return createHmac('sha256', `n8n-payments-pack callback v1\u0000${key}`)
		.update(`${provider}\u0000${binding}`)
		.digest('base64url');
}

/** The URL with the token in its query (replacing any token already there). */
export function withCallbackToken(url: string, token: string): string {
	const parsed = new URL(url);
	parsed.searchParams.set(CALLBACK_TOKEN_PARAMETER, token);
	return parsed.toString();
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Constant-time comparison of a received token with the expected ones (both hashed first, so
 * neither the length nor the content of the expected token shows in the time taken).
 */
export function callbackTokenMatches(expected: string[], received: unknown): boolean {
	const value = Array.isArray(received) ? received[0] : received;
	if (typeof value !== 'string' || value === '') return false;
	const got = digest(value);
	let match = false;
	for (const candidate of expected) {
		if (candidate !== '' && timingSafeEqual(digest(candidate), got)) match = true;
	}
	return match;
}

const TOKEN_IN_URL = /([?&]token=)[^&#\s"'\\]+/gi;
/** A token carried in the path, after a `token` segment (MTN MoMo's callback URLs). */
const TOKEN_IN_PATH = /(\/token\/)[^/?#\s"'\\]+/gi;

/** Every callback token in any string of `value` shown as `***` (outputs, dry runs, errors). */
export function maskCallbackTokens<T>(value: T): T {
	if (typeof value === 'string') {
		return value.replace(TOKEN_IN_URL, `$1${MASK}`).replace(TOKEN_IN_PATH, `$1${MASK}`) as T;
	}
	if (Array.isArray(value)) return value.map((entry: unknown) => maskCallbackTokens(entry)) as T;
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([name, entry]) => [
				name,
				maskCallbackTokens(entry),
			]),
		) as T;
	}
	return value;
}

/** Where a callback trigger's tokens come from and which parameter turns confirmation on. */
export interface CallbackTriggerSetup {
	credentialType: string;
	/** The credential field that keys the tokens, and its label in errors. */
	keyName: string;
	keyLabel: string;
	/** The trigger's "confirm with the provider" parameter. */
	confirmParameter: string;
}

/** The credential secret that keys the tokens ('' when the credential has none). */
export async function callbackKey(
	context: IHookFunctions | IWebhookFunctions,
	setup: CallbackTriggerSetup,
): Promise<string> {
	const credentials = await context.getCredentials(setup.credentialType);
	return String(credentials[setup.keyName] ?? '').trim();
}

/**
 * Refuses to activate a callback trigger that anyone knowing its URL could drive: with neither a
 * token nor confirmation a forged body would start the workflow, and a required token needs the
 * credential's key.
 */
export async function checkCallbackActivation(
	context: IHookFunctions,
	setup: CallbackTriggerSetup,
): Promise<void> {
	const requireToken = context.getNodeParameter('requireToken', true) !== false;
	if (!requireToken && context.getNodeParameter(setup.confirmParameter, true) !== true) {
		throw new NodeOperationError(
			context.getNode(),
			'This trigger would start the workflow with whatever anyone sends to its URL',
			{
				description:
					'Turn on "Require Callback Token" (recommended) or the confirmation with the provider before activating the workflow.',
			},
		);
	}
	if (requireToken && (await callbackKey(context, setup)) === '') {
		throw new NodeOperationError(
			context.getNode(),
			`The credential has no ${setup.keyLabel}, so callback tokens cannot be checked`,
			{
				description: `Set the ${setup.keyLabel} in the credential; it is the one the node that creates the payments uses.`,
			},
		);
	}
}

/** Why a received token does not authenticate a callback; undefined when it is one expected. */
export function tokenMismatch(expected: string[], received: unknown): string | undefined {
	if (callbackTokenMatches(expected, received)) return undefined;
	return received === undefined ? 'the URL carries no token' : 'the token does not match';
}

/**
 * The 401 for a request without a valid token, which ends it before anything else happens (no
 * provider call, no execution); the refusal is counted and logged without the token or the body.
 */
export function refuseCallback(
	context: IWebhookFunctions,
	provider: string,
	reason: string,
): DeliveryAnswer {
	const scope = triggerScope(context.getWorkflow().id, context.getNode().name);
	const count = countRejectedDelivery(scope);
	context.logger.warn(
		`${provider} trigger "${context.getNode().name}" refused a callback: ${reason} (${count} refused since n8n started)`,
		{ workflowId: context.getWorkflow().id, node: context.getNode().name, refused: count },
	);
	return answerDelivery(401, {
		error: 'INVALID_TOKEN',
		message: 'The callback URL carries no valid token',
	});
}

/** What a trigger refused so far, for the items it emits (`rejectedCallbacks`). */
export function refusedCallbacks(context: IWebhookFunctions): IDataObject {
	return rejectedDeliveries(triggerScope(context.getWorkflow().id, context.getNode().name));
}
