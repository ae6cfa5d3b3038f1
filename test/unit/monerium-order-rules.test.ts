import {
	buildOrderMessage,
	checkOrderAgreement,
	formatMessageTime,
	isValidIban,
	parseOrderMessage,
	optionalMemo,
	requireIbanFormat,
	requireUuidV4,
	requireOrderAmount,
	sameAmount,
	shortIban,
} from '../../nodes/Monerium/order-rules';
import { detectFileType } from '../../nodes/Monerium/actions/file/upload.operation';

const IBAN = 'DK5000400440116243';
const AT = new Date('2024-07-12T12:02:49.123Z');

describe('Monerium order message', () => {
	it('formats UTC to the minute', () => {
		expect(formatMessageTime(AT)).toBe('2024-07-12T12:02Z');
	});
	it('builds the exact message for an IBAN, in full or short form, and for a chain address', () => {
		expect(
			buildOrderMessage({
				currency: 'eur',
				amount: '1',
				counterpart: { kind: 'iban', iban: 'dk50 0040 0440 1162 43' },
				at: AT,
			}),
		).toBe('Send EUR 1 to DK5000400440116243 at 2024-07-12T12:02Z');
		expect(
			buildOrderMessage({
				currency: 'eur',
				amount: '1',
				counterpart: { kind: 'iban', iban: IBAN },
				at: AT,
				shortIbanForm: true,
			}),
		).toBe('Send EUR 1 to DK50...6243 at 2024-07-12T12:02Z');
		const address = '0x59cFC408d310697f9D3598e1BE75B0157a072407';
		expect(
			buildOrderMessage({
				currency: 'gbp',
				amount: '2.50',
				counterpart: { kind: 'chain', address, chain: 'gnosis' },
				at: AT,
			}),
		).toBe(`Send GBP 2.50 to ${address} at 2024-07-12T12:02Z`);
		expect(shortIban(IBAN)).toBe('DK50...6243');
	});
	it('parses messages back, also with seconds as in the document sample', () => {
		expect(
			parseOrderMessage('Send EUR 1 to EE127310138155512606682602 at 2024-07-12T12:02:49Z'),
		).toMatchObject({ currency: 'EUR', amount: '1' });
		expect(parseOrderMessage('Send 1 EUR to x at now')).toBeUndefined();
	});
});

describe('Monerium order checks', () => {
	const order = (overrides = {}) => ({
		message: `Send EUR 100.50 to ${IBAN} at 2024-07-12T12:02Z`,
		currency: 'eur' as const,
		amount: '100.5',
		counterpart: { kind: 'iban' as const, iban: IBAN },
		...overrides,
	});
	it('accepts an agreeing, fresh order (amounts compared exactly, short IBAN form allowed)', () => {
		expect(() => checkOrderAgreement(order(), AT)).not.toThrow();
		expect(() =>
			checkOrderAgreement(
				order({ message: `Send EUR 100.50 to DK50...6243 at 2024-07-12T12:02Z` }),
				AT,
			),
		).not.toThrow();
	});
	it.each([
		['currency', { currency: 'usd' }, 'is for EUR'],
		['amount', { amount: '100.51' }, 'differs from the order amount'],
		[
			'counterpart',
			{ counterpart: { kind: 'iban', iban: 'DE89370400440532013000' } },
			"not the order's counterpart",
		],
		['message shape', { message: 'hello' }, 'not a Monerium order message'],
		[
			'message with 3 decimals',
			{ message: `Send EUR 100.505 to ${IBAN} at 2024-07-12T12:02Z` },
			'differs',
		],
	])('rejects a mismatched %s', (_label, overrides, text) => {
		expect(() => checkOrderAgreement(order(overrides), AT)).toThrow(text);
	});
	it('rejects a message older or newer than 5 minutes', () => {
		expect(() => checkOrderAgreement(order(), new Date('2024-07-12T12:08:01Z'))).toThrow(
			'more than 5 minutes',
		);
		expect(() => checkOrderAgreement(order(), new Date('2024-07-12T11:56:59Z'))).toThrow(
			'more than 5 minutes',
		);
	});
	it('requires a supporting document at EUR 15,000 and above only', () => {
		const big = (amount: string, supportingDocumentId?: string) =>
			order({
				amount,
				message: `Send EUR ${amount} to ${IBAN} at 2024-07-12T12:02Z`,
				supportingDocumentId,
			});
		expect(() => checkOrderAgreement(big('14999.99'), AT)).not.toThrow();
		expect(() => checkOrderAgreement(big('15000'), AT)).toThrow(
			'Supporting Document ID is required',
		);
		expect(() =>
			checkOrderAgreement(big('15000', 'a78d8ff2-e51f-41ed-9e13-cacb9390199c'), AT),
		).not.toThrow();
	});
});

describe('Monerium field rules', () => {
	it('amounts are strings with at most two decimals, non-negative as the document says', () => {
		expect(requireOrderAmount('12.5')).toBe('12.5');
		// "The amount must be a non-negative value": zero is the document's to allow.
		expect(requireOrderAmount('0')).toBe('0');
		expect(requireOrderAmount('0.00')).toBe('0.00');
		for (const bad of ['12.505', '1e3', '-1', 12.5, '', '1,5'])
			expect(() => requireOrderAmount(bad)).toThrow();
		expect(sameAmount('1', '1.00')).toBe(true);
	});
	it('memos are optional, and 5 to 140 characters when given (characters, not bytes)', () => {
		expect(optionalMemo('')).toBeUndefined();
		expect(optionalMemo(undefined)).toBeUndefined();
		expect(optionalMemo('12345')).toBe('12345');
		expect(optionalMemo('é'.repeat(140))).toHaveLength(140);
		expect(() => optionalMemo('1234')).toThrow('5 to 140');
		expect(() => optionalMemo('x'.repeat(141))).toThrow('5 to 140');
	});
	it('order ids are version 4 UUIDs, as the document\'s schema', () => {
		expect(requireUuidV4('3F2B8A4E-9C1D-4E7F-8A2B-6C5D4E3F2A1B', 'Order ID')).toBe(
			'3f2b8a4e-9c1d-4e7f-8a2b-6c5d4e3f2a1b',
		);
		// A version 1 UUID (the document's profile example) and a wrong variant are refused.
		expect(() => requireUuidV4('a78d8ff2-e51f-11ed-9e13-cacb9390199c', 'Order ID')).toThrow(
			'version 4 UUID',
		);
		expect(() => requireUuidV4('3f2b8a4e-9c1d-4e7f-0a2b-6c5d4e3f2a1b', 'Order ID')).toThrow();
	});
	it("IBAN Get / Move check the shape only: the document's own examples pass", () => {
		expect(requireIbanFormat('EE73I9684012278810458214196')).toBe('EE73I9684012278810458214196');
		expect(requireIbanFormat('ee12 7310 1381 5551 2606 682602')).toBe('EE127310138155512606682602');
		expect(() => requireIbanFormat('12EE7310')).toThrow('is not an IBAN');
	});
	it('IBANs pass the mod-97 check', () => {
		expect(isValidIban('DK50 0040 0440 1162 43')).toBe(true);
		expect(isValidIban('DE89370400440532013000')).toBe(true);
		expect(isValidIban('DK5000400440116244')).toBe(false);
		// The document's own sample fails the check.
		expect(isValidIban('EE127310138155512606682602')).toBe(false);
	});
	it('recognizes PDF and JPEG by their first bytes', () => {
		expect(detectFileType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
		expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
		expect(detectFileType(Buffer.from('GIF89a'))).toBeUndefined();
	});
});
