import { sleep } from 'n8n-workflow';

import {
	backoffDelayMs,
	parseRetryAfterMs,
	type ProviderResponse,
	type RetryPolicy,
} from './send-with-retry';

/**
 * Sends a request that is never repeated blind (a money move whose provider promises no
 * deduplication), and sends it again only after a 429: the provider turned it away before acting,
 * so nothing was executed. Waits Retry-After (or the policy's backoff) in between, up to the
 * policy's attempts; an answer the policy calls final (a window that reopens too late) is returned.
 */
export async function resendAfterRateLimit(
	send: () => Promise<ProviderResponse>,
	policy: RetryPolicy,
): Promise<ProviderResponse> {
	for (let attempts = 0; ; ) {
		const response = await send();
		attempts += response.attempts;
		const again =
			response.statusCode === 429 &&
			attempts < policy.maxAttempts &&
			!(policy.isFinal?.(response) ?? false);
		if (!again) return { ...response, attempts };
		const retryAfterMs = parseRetryAfterMs(response.headers['retry-after']);
		await sleep(backoffDelayMs(attempts, policy, retryAfterMs));
	}
}
