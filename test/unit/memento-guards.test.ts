import {
	paidFromSource,
	payRequestShare,
	shareOf,
} from '../../nodes/MementoPayments/actions/money-move';
import type { MementoRequest } from '../../nodes/MementoPayments/actions/types';
import { describeRequest } from '../../nodes/shared/money-guards';

const ME = 'me-uuid';

describe('Memento money moves', () => {
	const payment = (body: Record<string, string>): MementoRequest => ({
		method: 'POST',
		path: '/v1/payments',
		body: { payment_source_uuid: 'card', pin: '1234', ...body },
	});

	it('a payment with a currency says what it moves; without one it does not', () => {
		expect(paidFromSource.amountsOf(payment({ amount: '12.50', currency: 'gbp' }))).toEqual([
			{ currency: 'GBP', amount: '12.50' },
		]);
		expect(paidFromSource.amountsOf(payment({ amount: '12.5' }))).toBeUndefined();
	});

	it("without a currency the payment source's is read, and the amount put in its scale", async () => {
		const paths: string[] = [];
		const amounts = await paidFromSource.lookupAmounts(
			payment({ amount: '12.5' }),
			async (path) => {
				paths.push(path);
				return { uuid: 'card', currency: 'GBP' };
			},
		);
		expect(amounts).toEqual([{ currency: 'GBP', amount: '12.50' }]);
		expect(paths).toEqual(['/v1/payment-sources/card']);
		await expect(
			paidFromSource.lookupAmounts(payment({ amount: '12.5' }), async () => ({ currency: 'JPY' })),
		).rejects.toThrow('more decimals than JPY allows');
		expect(
			await paidFromSource.lookupAmounts(payment({ amount: '1' }), async () => ({})),
		).toBeUndefined();
	});

	it('paying a request moves my share of it, read from the request and the current user', async () => {
		const request = {
			currency: 'GBP',
			participants: [
				{ user_uuid: 'other', amount: '99.00' },
				{ user_uuid: ME, amount: '25.00' },
			],
		};
		expect(shareOf(request, ME)).toEqual([{ currency: 'GBP', amount: '25.00' }]);
		expect(shareOf(request, 'stranger')).toBeUndefined();
		expect(shareOf({ ...request, currency: undefined }, ME)).toBeUndefined();
		expect(
			shareOf({ currency: 'GBP', participants: [{ user_uuid: ME, amount: 25 }] }, ME),
		).toBeUndefined();

		const paths: string[] = [];
		const amounts = await payRequestShare.lookupAmounts(
			{ method: 'POST', path: '/v1/requests/r-1/pay', body: {} },
			async (path) => {
				paths.push(path);
				return path === '/v1/users/current' ? { uuid: ME } : request;
			},
		);
		expect(amounts).toEqual([{ currency: 'GBP', amount: '25.00' }]);
		expect(paths).toEqual(['/v1/requests/r-1', '/v1/users/current']);
	});
});

describe('describeRequest (the Validate Only view of a request)', () => {
	it('masks secret headers and secret body values exactly, and shows the full URL', () => {
		expect(
			describeRequest({
				method: 'POST',
				url: 'https://api.example.com/v1/payments',
				qs: { page: '1', filter: 'a b' },
				headers: {
					'Idempotency-Key': 'n8n-key',
					'X-Project-Id': 'proj',
					Authorization: 'Bearer ses_secret',
				},
				body: { pin: '1234', amount: '12345.00', nested: [{ pin: '1234' }] },
				secrets: ['1234', ''],
			}),
		).toEqual({
			method: 'POST',
			url: 'https://api.example.com/v1/payments?page=1&filter=a+b',
			headers: { 'Idempotency-Key': 'n8n-key', 'X-Project-Id': '***', Authorization: '***' },
			// Only values that are the secret: an amount that happens to contain it stays readable.
			body: { pin: '***', amount: '12345.00', nested: [{ pin: '***' }] },
		});
		expect(describeRequest({ method: 'GET', url: 'https://x', headers: {} })).toEqual({
			method: 'GET',
			url: 'https://x',
			headers: {},
			body: null,
		});
	});
});
