import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { TransportError } from './http';
import { FieldError } from './validation';

/** Replaces every secret (and its Bearer/Basic forms) with `***` before text leaves the node. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= 4) result = result.split(secret).join('***');
	}
	return result;
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
	const error = new NodeApiError(
		node,
		JSON.parse(redactSecrets(JSON.stringify(responseBody), secrets)),
		{
			message,
			description: details.hint ? redactSecrets(details.hint, secrets) : undefined,
			httpCode: String(details.statusCode),
			itemIndex: details.itemIndex,
		},
	);
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
