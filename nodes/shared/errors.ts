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
	return new NodeApiError(node, JSON.parse(redactSecrets(JSON.stringify(responseBody), secrets)), {
		message,
		description: details.hint ? redactSecrets(details.hint, secrets) : undefined,
		httpCode: String(details.statusCode),
		itemIndex: details.itemIndex,
	});
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

export function transportErrorToNodeError(
	node: INode,
	provider: string,
	error: TransportError,
	options: { itemIndex?: number; idempotent: boolean; secrets?: Array<string | undefined> },
): NodeApiError {
	const outcome = options.idempotent
		? 'Running the item again is safe: the request carries the same idempotency key, so the provider replays it instead of acting twice.'
		: 'Check whether the request took effect at the provider before running it again.';
	// Not under `code`: NodeApiError would replace our message with its generic one for that code.
	return new NodeApiError(node, { networkError: error.code ?? 'NETWORK_ERROR' } as JsonObject, {
		message: `Could not reach ${provider} after ${error.attempts} attempt(s): ${describeNetworkFailure(error.code)}`,
		description: redactSecrets(
			`Network error ${error.code ?? error.message}. Check the base URL in the credential and the network between n8n and ${provider}. ${outcome}`,
			options.secrets ?? [],
		),
		itemIndex: options.itemIndex,
	});
}
