import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import {
	TransportError,
	errorCode,
	providerHttpOptions,
	type ProviderRequest,
	type ProviderResponse,
} from '../../shared/http/send-with-retry';

/**
 * Token creation and signup come before the user has any token, so they cannot go through the
 * credential's session. They still use n8n's HTTP helper (proxies, SSL settings), are sent once
 * (they are not idempotent: a token request sends a code by SMS) and carry the project header.
 */
export async function sendWithoutSession(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	request: ProviderRequest,
): Promise<ProviderResponse> {
	const options = providerHttpOptions(request, true);
	let response: Omit<ProviderResponse, 'attempts'> | undefined;
	let failure: TransportError | undefined;
	try {
		response = (await context.helpers.httpRequest(options)) as Omit<ProviderResponse, 'attempts'>;
	} catch (error) {
		failure = new TransportError((error as Error).message, errorCode(error), 1);
	}
	if (!response) throw failure as TransportError;
	return { ...response, attempts: 1 };
}
