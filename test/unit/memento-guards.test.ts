import type { IDataObject } from 'n8n-workflow';

import {
	contributionMove,
	paymentMove,
	payRequestShare,
	shareOf,
} from '../../nodes/MementoPayments/actions/move-rules';
import type { MementoLookup, MementoRequest } from '../../nodes/MementoPayments/actions/types';
import { describeRequest } from '../../nodes/shared/money/guard-money-moves';

const ME = 'me-uuid';

describe('Memento money moves', () => {
	const payment = (body: Record<string, string>): MementoRequest => ({
		method: 'POST',
		path: '/v1/payments',
		body: { payment_source_uuid: 'card', pin: '1234', ...body },
	});

	it('a payment with a currency says what it moves; without one it does not', () => {
		expect(paymentMove.amountsOf(payment({ amount: '12.50', currency: 'gbp' }))).toEqual([
			{ currency: 'GBP', amount: '12.50' },
		]);
		expect(paymentMove.amountsOf(payment({ amount: '12.5' }))).toBeUndefined();
	});

	it("without a currency the payment source's is read, and the amount put in its scale", async () => {
		const paths: string[] = [];
		const amounts = await paymentMove.lookupAmounts(payment({ amount: '12.5' }), async (path) => {
			paths.push(path);
			return { uuid: 'card', currency: 'GBP' };
		});
		expect(amounts).toEqual([{ currency: 'GBP', amount: '12.50' }]);
		expect(paths).toEqual(['/v1/payment-sources/card']);
		await expect(
			paymentMove.lookupAmounts(payment({ amount: '12.5' }), async () => ({ currency: 'JPY' })),
		).rejects.toThrow('more decimals than JPY allows');
		expect(
			await paymentMove.lookupAmounts(payment({ amount: '1' }), async () => ({})),
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

describe('Memento lookups: which record is the move a request made', () => {
	/** A lookup over fixed lists: records what it was asked, answers what `first` matches. */
	const lookupOver = (items: IDataObject[], single: IDataObject = {}) => {
		const asked: Array<{ path: string; qs: Record<string, string> }> = [];
		const lookup: MementoLookup = {
			get: async () => single,
			me: async () => ({ uuid: ME }),
			first: async (path, qs, matches) => {
				asked.push({ path, qs });
				return items.find(matches);
			},
		};
		return { lookup, asked };
	};
	const toAnna = {
		method: 'POST',
		path: '/v1/payments',
		body: { user_uuid: 'anna', amount: '12.50', payment_source_uuid: 'card', pin: '1234' },
	} as MementoRequest;
	const record = (extra: IDataObject = {}): IDataObject => ({
		uuid: 'p1',
		recipient_uuid: 'anna',
		amount: '12.5',
		currency: 'GBP',
		payment_source_uuid: 'card',
		description: null,
		status: 'completed',
		...extra,
	});

	it('a payment: my payments of that amount, newest first; same recipient, amount, source and description', async () => {
		const { lookup, asked } = lookupOver([record()]);
		expect(await paymentMove.find(toAnna, lookup)).toMatchObject({ uuid: 'p1' });
		expect(asked).toEqual([
			{
				path: '/v1/payments',
				qs: { filter: 'owner:eq:me,amount:eq:12.50', sort: 'created_at:desc' },
			},
		]);
	});

	it.each([
		['another recipient', { recipient_uuid: 'ben' }],
		['another amount', { amount: '12.51' }],
		['another payment source', { payment_source_uuid: 'savings' }],
		['a description the request does not have', { description: 'Rent' }],
		['a failed status', { status: 'failed' }],
	])('a payment with %s is not the one', async (_, extra) => {
		expect(await paymentMove.find(toAnna, lookupOver([record(extra)]).lookup)).toBeUndefined();
	});

	it('a payment to a phone number matches on its digits', async () => {
		const toPhone = {
			...toAnna,
			body: { ...toAnna.body, user_uuid: undefined, phone: '+44 7700 900099' },
		};
		const found = await paymentMove.find(
			toPhone as MementoRequest,
			lookupOver([record({ recipient_uuid: null, recipient_phone: '447700900099' })]).lookup,
		);
		expect(found).toMatchObject({ uuid: 'p1' });
	});

	it("a contribution: mine, to that pool, with the same message; someone else's is not", async () => {
		const contribute = {
			method: 'POST',
			path: '/v1/pools/pool-1/contributions',
			body: { amount: '10', payment_source_uuid: 'card', pin: '1234', message: 'For Anna' },
		} as MementoRequest;
		const theirs = { uuid: 'c0', user_uuid: 'other', amount: '10.00', message: 'For Anna' };
		const mine = { uuid: 'c1', user_uuid: ME, amount: '10.00', message: 'For Anna' };
		const { lookup, asked } = lookupOver([theirs, mine]);
		expect(await contributionMove.find(contribute, lookup)).toMatchObject({ uuid: 'c1' });
		expect(asked[0].path).toBe('/v1/pools/pool-1/contributions');
	});

	it('paying a request: found when my share is paid, absent while it is pending', async () => {
		const pay = { method: 'POST', path: '/v1/requests/r1/pay', body: {} } as MementoRequest;
		const requestWith = (status: string) => ({
			uuid: 'r1',
			participants: [
				{ user_uuid: 'other', status: 'paid' },
				{ user_uuid: ME, status },
			],
		});
		expect(
			await payRequestShare.find(pay, lookupOver([], requestWith('paid')).lookup),
		).toMatchObject({ uuid: 'r1' });
		expect(
			await payRequestShare.find(pay, lookupOver([], requestWith('pending')).lookup),
		).toBeUndefined();
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
