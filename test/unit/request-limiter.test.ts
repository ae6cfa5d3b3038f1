import { sleep } from 'n8n-workflow';

import { RequestBudgetError, RequestLimiter } from '../../nodes/shared/http/request-limiter';

describe('RequestLimiter', () => {
	it('with firstRequestAlone, sends one request alone until the first answer (a token is fetched once), then opens up', async () => {
		const limiter = new RequestLimiter(3, undefined, undefined, undefined, true);
		const first = await limiter.acquire();
		let secondIn = false;
		const second = limiter.acquire().then((release) => {
			secondIn = true;
			return release;
		});
		await sleep(10);
		expect(secondIn).toBe(false);
		limiter.answered();
		first();
		(await second)();
		expect(secondIn).toBe(true);
	});

	it('without firstRequestAlone, lets the first requests go together', async () => {
		const limiter = new RequestLimiter(3);
		await limiter.acquire();
		await limiter.acquire();
		await limiter.acquire();
		let fourthIn = false;
		void limiter.acquire().then(() => (fourthIn = true));
		await sleep(10);
		expect(fourthIn).toBe(false);
	});

	it('lets at most the limit through at once; a release lets the next one in', async () => {
		const limiter = new RequestLimiter(2);
		limiter.answered();
		const first = await limiter.acquire();
		await limiter.acquire();
		let thirdIn = false;
		const third = limiter.acquire().then((release) => {
			thirdIn = true;
			return release;
		});
		await sleep(10);
		expect(thirdIn).toBe(false);
		first();
		(await third)();
		expect(thirdIn).toBe(true);
	});

	it('halves the number in flight on a 429 and grows back by one after enough answers', () => {
		const limiter = new RequestLimiter(8, undefined, 2);
		limiter.rateLimited(0, 0);
		expect(limiter.currentLimit).toBe(4);
		limiter.rateLimited(0, 0);
		limiter.rateLimited(0, 0);
		limiter.rateLimited(0, 0);
		expect(limiter.currentLimit).toBe(1);
		limiter.answered();
		expect(limiter.currentLimit).toBe(1);
		limiter.answered();
		expect(limiter.currentLimit).toBe(2);
	});

	it('makes every request wait out the Retry-After of a 429', async () => {
		const limiter = new RequestLimiter(4);
		limiter.rateLimited(150, 1000);
		const started = Date.now();
		(await limiter.acquire())();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('keeps to a request budget, and refuses rather than waits a long window out', async () => {
		const limiter = new RequestLimiter(10, { requests: 2, windowMs: 3_600_000 });
		(await limiter.acquire())();
		(await limiter.acquire())();
		await expect(limiter.acquire()).rejects.toBeInstanceOf(RequestBudgetError);
	});
});
