import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { maskCallbackTokens } from '../webhooks/callback-token';
import { TransportError } from '../http/send-with-retry';
import { FieldError } from '../description/field-validation';

/** Secrets at least this long are random keys and tokens: they cannot occur by chance in data. */
const LONG_SECRET = 16;

/** Keys whose values are PINs: dropped from anything that leaves the node, whatever they hold. */
const PIN_KEY = /^(pin|pin_?code|new_?pin|old_?pin|current_?pin)$/i;

function usable(secrets: Array<string | undefined>): string[] {
	return secrets.filter((secret): secret is string => typeof secret === 'string' && secret !== '');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Hides secrets in a message text. A long secret (a key, a token) is replaced wherever it occurs; a
 * short one (a PIN) only where it stands as a word of its own, so `0000` never rewrites `100000`
 * and only a standalone `2024` is hidden. Callback tokens in URLs are masked too.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of usable(secrets)) {
		if (secret.length >= LONG_SECRET) {
			result = result.split(secret).join('***');
		} else {
			const word = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'g');
			result = result.replace(word, '***');
		}
	}
	return maskCallbackTokens(result);
}

/**
 * Hides secrets in data (a response or error body) by its structure, never by rewriting its text:
 * `pin` keys are dropped, a string equal to a secret becomes `***`, a long secret inside a string
 * (e.g. a token in a URL) is replaced, callback tokens in URLs are masked; numbers stay as they are.
 * `inText` (error bodies, whose strings are messages such as "PIN 1234 is incorrect"): a short
 * secret standing as a word of its own inside a string is hidden too, as in redactSecrets.
 */
export function redactValue<T>(
	value: T,
	secrets: Array<string | undefined>,
	options: { inText?: boolean } = {},
): T {
	const list = usable(secrets);
	const walk = (entry: unknown): unknown => {
		if (typeof entry === 'string') {
			if (list.includes(entry)) return '***';
			if (options.inText) return redactSecrets(entry, list);
			let text = entry;
			for (const secret of list) {
				if (secret.length >= LONG_SECRET) text = text.split(secret).join('***');
			}
			return maskCallbackTokens(text);
		}
		if (Array.isArray(entry)) return entry.map(walk);
		if (entry && typeof entry === 'object' && !Buffer.isBuffer(entry)) {
			return Object.fromEntries(
				Object.entries(entry)
					.filter(([name]) => !PIN_KEY.test(name))
					.map(([name, inner]) => [name, walk(inner)]),
			);
		}
		return entry;
	};
	return walk(value) as T;
}

export function fieldErrorToNodeError(
	node: INode,
	error: FieldError,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(node, `${error.message} [item ${itemIndex}]`, {
		itemIndex,
		description: error.hint,
	});
}

export interface ProviderErrorDetails {
	provider: string;
	statusCode: number;
	/** The provider's own error code (e.g. INVALID_BILLER_CODE). */
	type?: string;
	detail?: string;
	hint?: string;
	body?: unknown;
	itemIndex?: number;
	secrets?: Array<string | undefined>;
}

export function providerApiError(node: INode, details: ProviderErrorDetails): NodeApiError {
	const secrets = details.secrets ?? [];
	const typePart = details.type ? ` ${details.type}` : '';
	const detailPart = details.detail ? `: ${details.detail}` : '';
	const message = redactSecrets(
		`${details.provider} answered ${details.statusCode}${typePart}${detailPart}`,
		secrets,
	);
	const responseBody =
		details.body && typeof details.body === 'object' ? (details.body as JsonObject) : {};
	const error = new NodeApiError(node, redactValue(responseBody, secrets, { inText: true }), {
		message,
		description: details.hint ? redactSecrets(details.hint, secrets) : undefined,
		httpCode: String(details.statusCode),
		itemIndex: details.itemIndex,
	});
	// A 5xx or a timeout answer says nothing about whether the provider acted.
	return details.statusCode >= 500 || details.statusCode === 408
		? markOutcomeUnknown(error)
		: error;
}

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset before an answer came',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
	EPIPE: 'the connection was closed while sending',
};

/** In words: NodeApiError swaps any message holding a raw code such as ECONNREFUSED for its own. */
function describeNetworkFailure(code: string | undefined): string {
	return (code && NETWORK_FAILURES[code]) ?? 'no answer came back';
}

/**
 * What running the item again does after no answer came back. `replays`: the provider's document
 * promises to replay a repeated key (Conductor). `looksUp`: the node looks the move up before it
 * sends it again (money moves of providers that promise no deduplication). `readOnly`: a read.
 */
export type RepeatSafety = 'replays' | 'looksUp' | 'readOnly' | 'check';

function repeatAdvice(provider: string, repeat: RepeatSafety): string {
	switch (repeat) {
		case 'replays':
			return `The request may have reached ${provider}. Running the item again is safe, in this execution (Retry On Fail) or a new one (n8n's Retry, a re-run): it carries the same idempotency key, derived from the payment instruction, and ${provider} replays the first answer instead of acting twice.`;
		case 'looksUp':
			return `The request may have reached ${provider}, so it was not sent again blind. When the item runs again (Retry On Fail, n8n's Retry, a re-run) the node first looks the move up at ${provider} by its reference and only sends it if ${provider} does not have it.`;
		case 'check':
			return `The request may have reached ${provider}: check whether it took effect there before running the item again.`;
		default:
			return 'A read changes nothing at the provider: running the item again is safe.';
	}
}

export function transportErrorToNodeError(
	node: INode,
	provider: string,
	error: TransportError,
	options: { itemIndex?: number; repeat: RepeatSafety; secrets?: Array<string | undefined> },
): NodeApiError {
	// Not under `code`: NodeApiError would replace our message with its generic one for that code.
	const nodeError = new NodeApiError(
		node,
		{ networkError: error.code ?? 'NETWORK_ERROR' } as JsonObject,
		{
			message: `Could not reach ${provider} after ${error.attempts} attempt(s): ${describeNetworkFailure(error.code)}`,
			description: redactSecrets(
				`Network error ${error.code ?? error.message}. Check the base URL in the credential and the network between n8n and ${provider}. ${repeatAdvice(provider, options.repeat)}`,
				options.secrets ?? [],
			),
			itemIndex: options.itemIndex,
		},
	);
	return markOutcomeUnknown(nodeError);
}

/** Marks an error after which the provider may or may not have acted (no answer, 5xx, timeout). */
export function markOutcomeUnknown<T extends NodeApiError | NodeOperationError>(error: T): T {
	error.context.outcomeUnknown = true;
	return error;
}

/**
 * Marks an answer the provider documents as a refusal whatever its status (e.g. MTN MoMo's 500
 * with INVALID_CURRENCY): nothing moved, so the move stops counting against the limits.
 */
export function markDefinitiveRefusal(error: NodeApiError): NodeApiError {
	error.context.outcomeUnknown = false;
	error.context.definitiveRefusal = true;
	return error;
}

export function isOutcomeUnknown(error: unknown): boolean {
	return (
		(error instanceof NodeApiError || error instanceof NodeOperationError) &&
		error.context.outcomeUnknown === true
	);
}

/**
 * Whether the provider answered a money move with a definitive "no": a 4xx other than a timeout
 * or a conflict. Such a move moved nothing, so it stops counting against the spending limits.
 */
export function isDefinitiveRefusal(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (error.context.definitiveRefusal === true) return true;
	if (isOutcomeUnknown(error)) return false;
	const status = Number(error.httpCode);
	return status >= 400 && status < 500 && ![408, 409, 425].includes(status);
}
