import {
	emptyLedger,
	executionViolation,
	maskHeaders,
	parseGuardSettings,
	perItemViolation,
	releaseMove,
	reserveMove,
	sumByCurrency,
} from '../../nodes/shared/money/spending-limits';
import {
	compareDecimals,
	multiplyDecimal,
	subtractDecimals,
} from '../../nodes/shared/money/amounts';

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
		// A currency listed twice is a mistake to point out, not "the last one wins".
		[{ maxTotalPerExecution: 'EUR 100, eur 100000' }, /lists EUR twice/],
		[{ maxAmountPerItem: 'USD 5; USD 6' }, /lists USD twice/],
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
	const eur = (amount: string) => [{ currency: 'EUR', amount }];

	it('sums per currency in decimals and stops the move that would cross the total', () => {
		const { limits } = parseGuardSettings({ maxTotalPerExecution: 'EUR 0.30' });
		const ledger = emptyLedger();
		for (const key of ['a', 'b']) {
			expect(executionViolation(eur('0.10'), key, 'p', limits, ledger)).toBeUndefined();
			reserveMove(ledger, eur('0.10'), key, 'p');
		}
		expect(ledger.totals).toEqual({ EUR: '0.20' });
		// 0.1 + 0.2 is exactly 0.30 here, not 0.30000000000000004.
		expect(executionViolation(eur('0.10'), 'c', 'p', limits, ledger)).toBeUndefined();
		reserveMove(ledger, eur('0.10'), 'c', 'p');
		expect(executionViolation(eur('0.01'), 'd', 'p', limits, ledger)).toBe(
			'Maximum Total per Execution for EUR is 0.30; EUR 0.30 already sent in this execution and this item moves 0.01',
		);
		expect(
			executionViolation([{ currency: 'USD', amount: '999' }], 'e', 'p', limits, ledger),
		).toBeUndefined();
	});

	it('caps the number of moves and counts the same request under its key once', () => {
		const { limits } = parseGuardSettings({ maxMovesPerExecution: 2 });
		const ledger = emptyLedger();
		reserveMove(ledger, undefined, 'k1', 'p1');
		reserveMove(ledger, undefined, 'k1', 'p1');
		expect(ledger.moves).toBe(1);
		reserveMove(ledger, undefined, 'k2', 'p2');
		expect(executionViolation(undefined, 'k3', 'p3', limits, ledger)).toBe(
			'Maximum Money Moves per Execution is 2; 2 already sent in this execution',
		);
		expect(executionViolation(undefined, 'k2', 'p2', limits, ledger)).toBeUndefined();
	});

	it('checks a repeated key against the limits unless it is the same request', () => {
		const { limits } = parseGuardSettings({ maxMovesPerExecution: 5 });
		const ledger = emptyLedger();
		reserveMove(ledger, eur('10.00'), 'shared', 'first request');
		// Another request under a key already counted is refused, whatever the limits say.
		expect(executionViolation(eur('99.00'), 'shared', 'other request', limits, ledger)).toBe(
			'the key shared was already used in this execution for a different request',
		);
	});

	it('keeps a reservation until it is released, and a release gives back exactly what it took', () => {
		const { limits } = parseGuardSettings({
			maxMovesPerExecution: 1,
			maxTotalPerExecution: 'EUR 10',
		});
		const ledger = emptyLedger();
		reserveMove(ledger, eur('7.50'), 'k1', 'p');
		// Reserved before sending: a second move is stopped while the first one's outcome is open.
		expect(executionViolation(eur('1.00'), 'k2', 'p', limits, ledger)).toMatch(
			/Maximum Money Moves/,
		);
		releaseMove(ledger, eur('7.50'), 'k1');
		expect(ledger).toEqual({ moves: 0, totals: { EUR: '0.00' }, keys: {} });
		expect(executionViolation(eur('10.00'), 'k2', 'p', limits, ledger)).toBeUndefined();
		// Releasing a key that was never reserved changes nothing.
		releaseMove(ledger, eur('5.00'), 'never');
		expect(ledger.moves).toBe(0);
	});
});

describe('decimal helpers', () => {
	it('compares and multiplies exactly', () => {
		expect(compareDecimals('10.5', '10.50')).toBe(0);
		expect(compareDecimals('10.51', '10.5')).toBe(1);
		expect(compareDecimals('9.999', '10')).toBe(-1);
		expect(multiplyDecimal('15700.00', 3)).toBe('47100.00');
		expect(multiplyDecimal('0.01', 7)).toBe('0.07');
		expect(subtractDecimals('10.00', '2.5')).toBe('7.50');
		expect(subtractDecimals('1', '3')).toBe('0');
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
