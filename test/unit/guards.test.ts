import {
	emptyLedger,
	executionViolation,
	maskHeaders,
	parseGuardSettings,
	perItemViolation,
	recordMove,
	sumByCurrency,
} from '../../nodes/shared/guards';
import { compareDecimals, multiplyDecimal } from '../../nodes/shared/money';

describe('spending limit settings', () => {
	it('empty fields mean no limits', () => {
		expect(parseGuardSettings({})).toEqual({
			validateOnly: false,
			limits: { perItem: { byCurrency: {} }, totalPerExecution: {}, maxMoves: 0 },
		});
	});

	it('reads a per-item cap for any currency, or per currency, and totals per currency', () => {
		expect(parseGuardSettings({ maxAmountPerItem: '500' }).limits.perItem).toEqual({
			any: '500',
			byCurrency: {},
		});
		const settings = parseGuardSettings({
			validateOnly: true,
			maxAmountPerItem: 'eur 500.5; NGN 100000',
			maxTotalPerExecution: 'EUR 5000.00, USD 100',
			maxMovesPerExecution: 5,
		});
		expect(settings).toEqual({
			validateOnly: true,
			limits: {
				perItem: { byCurrency: { EUR: '500.50', NGN: '100000.00' } },
				totalPerExecution: { EUR: '5000.00', USD: '100.00' },
				maxMoves: 5,
			},
		});
	});

	it.each([
		[{ maxTotalPerExecution: '5000 EUR' }, /currency and amount pairs/],
		[{ maxTotalPerExecution: 'EUR five' }, /positive decimal/],
		[{ maxTotalPerExecution: 'XYZ 10' }, /ISO 4217/],
		[{ maxAmountPerItem: 'EUR 10.001' }, /more decimals/],
		[{ maxMovesPerExecution: 2.5 }, /whole number/],
	])('refuses %j', (raw, message) => {
		expect(() => parseGuardSettings(raw)).toThrow(message);
	});
});

describe('per-item cap', () => {
	const { limits } = parseGuardSettings({ maxAmountPerItem: 'EUR 100, USD 50' });

	it('allows up to the cap and names the cap when above it', () => {
		expect(perItemViolation([{ currency: 'EUR', amount: '100.00' }], limits)).toBeUndefined();
		expect(perItemViolation([{ currency: 'USD', amount: '50.01' }], limits)).toBe(
			'Maximum Amount per Item is USD 50.00; this item moves USD 50.01',
		);
		expect(perItemViolation([{ currency: 'NGN', amount: '1000000' }], limits)).toBeUndefined();
	});
});

describe('execution ledger', () => {
	it('sums per currency in decimals and stops the move that would cross the total', () => {
		const { limits } = parseGuardSettings({ maxTotalPerExecution: 'EUR 0.30' });
		const ledger = emptyLedger();
		for (const key of ['a', 'b']) {
			expect(
				executionViolation([{ currency: 'EUR', amount: '0.10' }], key, limits, ledger),
			).toBeUndefined();
			recordMove(ledger, [{ currency: 'EUR', amount: '0.10' }], key);
		}
		expect(ledger.totals).toEqual({ EUR: '0.20' });
		// 0.1 + 0.2 is exactly 0.30 here, not 0.30000000000000004.
		expect(
			executionViolation([{ currency: 'EUR', amount: '0.10' }], 'c', limits, ledger),
		).toBeUndefined();
		recordMove(ledger, [{ currency: 'EUR', amount: '0.10' }], 'c');
		expect(executionViolation([{ currency: 'EUR', amount: '0.01' }], 'd', limits, ledger)).toBe(
			'Maximum Total per Execution for EUR is 0.30; EUR 0.30 already moved in this execution and this item moves 0.01',
		);
		expect(
			executionViolation([{ currency: 'USD', amount: '999' }], 'e', limits, ledger),
		).toBeUndefined();
	});

	it('caps the number of moves, and counts a replayed key once', () => {
		const { limits } = parseGuardSettings({ maxMovesPerExecution: 2 });
		const ledger = emptyLedger();
		recordMove(ledger, undefined, 'k1');
		recordMove(ledger, undefined, 'k1');
		expect(ledger.moves).toBe(1);
		recordMove(ledger, undefined, 'k2');
		expect(executionViolation(undefined, 'k3', limits, ledger)).toBe(
			'Maximum Money Moves per Execution is 2; 2 already made in this execution',
		);
		expect(executionViolation(undefined, 'k2', limits, ledger)).toBeUndefined();
	});
});

describe('decimal helpers', () => {
	it('compares and multiplies exactly', () => {
		expect(compareDecimals('10.5', '10.50')).toBe(0);
		expect(compareDecimals('10.51', '10.5')).toBe(1);
		expect(compareDecimals('9.999', '10')).toBe(-1);
		expect(multiplyDecimal('15700.00', 3)).toBe('47100.00');
		expect(multiplyDecimal('0.01', 7)).toBe('0.07');
		expect(
			sumByCurrency([
				{ currency: 'ZAR', amount: '929.00' },
				{ currency: 'ZAR', amount: '59.99' },
				{ currency: 'NGN', amount: '1' },
			]),
		).toEqual([
			{ currency: 'ZAR', amount: '988.99' },
			{ currency: 'NGN', amount: '1' },
		]);
	});
});

describe('maskHeaders', () => {
	it('keeps what is safe to show and masks everything that may carry a secret', () => {
		expect(
			maskHeaders({
				Authorization: 'Bearer sk_live_abc',
				'Idempotency-Key': 'n8n-123',
				'Retailer-Id': 'RETAILER-001',
				'M-Signature': 'deadbeef',
				'Ocp-Apim-Subscription-Key': 'sub',
				'Content-Type': 'application/json',
			}),
		).toEqual({
			Authorization: '***',
			'Idempotency-Key': 'n8n-123',
			'Retailer-Id': 'RETAILER-001',
			'M-Signature': '***',
			'Ocp-Apim-Subscription-Key': '***',
			'Content-Type': 'application/json',
		});
	});
});
