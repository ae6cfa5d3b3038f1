import { sleep } from 'n8n-workflow';

/** A request budget a provider documents, e.g. Momento's 1000 requests per hour. */
export interface RequestBudget {
	requests: number;
	windowMs: number;
}

/**
 * Shares one node run's capacity between the items it sends at once: at most `limit` requests in
 * flight; on a 429 every request waits out the provider's Retry-After (not each on its own) and the
 * number in flight is halved, then grows back by one after every `recoverAfter` answers that were
 * not 429. With a budget, no more than `requests` are sent in any window of `windowMs`.
 */
/** Thrown instead of waiting longer than a run should for a documented request budget to reopen. */
export class RequestBudgetError extends Error {
	constructor(readonly waitMs: number) {
		super(`the request budget reopens in ${Math.ceil(waitMs / 1000)} s`);
		this.name = 'RequestBudgetError';
	}
}

export class RequestLimiter {
	private inFlight = 0;
	private limit: number;
	/**
	 * With `firstRequestAlone`, only one request goes until the first answer: a credential whose
	 * token n8n's OAuth2 layer fetches (one per request in flight otherwise) fetches it once.
	 * Credentials that share their own token exchange, or have none, need no such wait.
	 */
	private answeredOnce: boolean;
	private pausedUntil = 0;
	private successesSinceThrottle = 0;
	private readonly waiting: Array<() => void> = [];
	private readonly sentAt: number[] = [];

	constructor(
		readonly maxInFlight: number,
		private readonly budget?: RequestBudget,
		private readonly recoverAfter = 4,
		/** Longer waits for the budget are refused (RequestBudgetError) rather than slept through. */
		private readonly maxBudgetWaitMs = 60_000,
		firstRequestAlone = false,
	) {
		this.limit = Math.max(1, maxInFlight);
		this.answeredOnce = !firstRequestAlone;
	}

	get currentLimit(): number {
		return this.limit;
	}

	/** Waits for a place (and the end of any pause or budget window); returns its release. */
	async acquire(): Promise<() => void> {
		for (;;) {
			const wait = this.waitMs();
			if (wait > this.maxBudgetWaitMs && this.pausedUntil <= Date.now()) {
				throw new RequestBudgetError(wait);
			}
			if (wait > 0) {
				await sleep(wait);
				continue;
			}
			if (this.inFlight < (this.answeredOnce ? this.limit : 1)) break;
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		this.inFlight++;
		if (this.budget) this.sentAt.push(Date.now());
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.waiting.shift()?.();
		};
	}

	/** The provider said 429: everyone waits, and fewer go at once. */
	rateLimited(retryAfterMs: number | undefined, fallbackMs: number): void {
		this.answeredOnce = true;
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + (retryAfterMs ?? fallbackMs));
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.successesSinceThrottle = 0;
	}

	/** An answer that was not a 429: after a few, one more may go at once again. */
	answered(): void {
		if (!this.answeredOnce) {
			this.answeredOnce = true;
			for (const wake of this.waiting.splice(0, this.limit)) wake();
		}
		if (this.limit >= this.maxInFlight) return;
		this.successesSinceThrottle++;
		if (this.successesSinceThrottle >= this.recoverAfter) {
			this.successesSinceThrottle = 0;
			this.limit++;
			this.waiting.shift()?.();
		}
	}

	private waitMs(): number {
		const now = Date.now();
		if (this.pausedUntil > now) return this.pausedUntil - now;
		if (!this.budget) return 0;
		while (this.sentAt.length > 0 && this.sentAt[0] <= now - this.budget.windowMs) {
			this.sentAt.shift();
		}
		if (this.sentAt.length < this.budget.requests) return 0;
		return this.sentAt[0] + this.budget.windowMs - now;
	}
}

const limiters = new WeakMap<object, RequestLimiter>();

/** The limiter of the node run this context belongs to (none outside executeItems). */
export function limiterFor(context: object): RequestLimiter | undefined {
	return limiters.get(context);
}

export function useLimiter(context: object, limiter: RequestLimiter): void {
	limiters.set(context, limiter);
}
