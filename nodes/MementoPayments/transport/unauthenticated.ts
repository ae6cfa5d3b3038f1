import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { TransportError, type ProviderRequest, type ProviderResponse } from '../../shared/http';

function networkCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/**
 * Token creation and signup come before the user has any token, so they cannot go through the
 * credential's session. They still use n8n's HTTP helper (proxies, SSL settings), are sent once
 * (they are not idempotent: a token request sends a code by SMS) and carry the project header.
 */
export async function sendWithoutSession(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	request: ProviderRequest,
): Promise<ProviderResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		headers: { Accept: 'application/json', ...request.headers },
		qs: request.qs,
		body: request.body as IHttpRequestOptions['body'],
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	let response: Omit<ProviderResponse, 'attempts'> | undefined;
	let failure: TransportError | undefined;
	try {
		response = (await context.helpers.httpRequest(options)) as Omit<ProviderResponse, 'attempts'>;
	} catch (error) {
		failure = new TransportError((error as Error).message, networkCode(error), 1);
	}
	if (!response) throw failure as TransportError;
	return { ...response, attempts: 1 };
}
