import { claimRecentDelivery, triggerScope } from '../../nodes/shared/webhooks/recent-deliveries';

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;
/** A scope no other test uses (the record lives as long as the process). */
const freshScope = () => triggerScope(`wf-${++counter}`, 'Trigger');

describe('claimRecentDelivery', () => {
	it('accepts a key once, then reports it as a duplicate', () => {
		const scope = freshScope();
		expect(claimRecentDelivery(scope, 'msg_1', '', 0)).toBe(true);
		expect(claimRecentDelivery(scope, 'msg_1', '', 1000)).toBe(false);
		expect(claimRecentDelivery(scope, 'msg_2', '', 1000)).toBe(true);
	});

	it('keeps triggers apart: the same key in another workflow or node is new', () => {
		const a = triggerScope('wf-a', 'Trigger');
		expect(claimRecentDelivery(a, 'msg_1', '', 0)).toBe(true);
		expect(claimRecentDelivery(triggerScope('wf-b', 'Trigger'), 'msg_1', '', 0)).toBe(true);
		expect(claimRecentDelivery(triggerScope('wf-a', 'Other'), 'msg_1', '', 0)).toBe(true);
		expect(claimRecentDelivery(a, 'msg_1', '', 0)).toBe(false);
	});

	it('compares values: the same status again is a duplicate, a new status is not', () => {
		const scope = freshScope();
		expect(claimRecentDelivery(scope, 'deposit:42', 'PENDING', 0)).toBe(true);
		expect(claimRecentDelivery(scope, 'deposit:42', 'PENDING', 1)).toBe(false);
		expect(claimRecentDelivery(scope, 'deposit:42', 'COMPLETED', 2)).toBe(true);
		expect(claimRecentDelivery(scope, 'deposit:42', 'COMPLETED', 3)).toBe(false);
	});

	it('forgets keys after 24 hours', () => {
		const scope = freshScope();
		expect(claimRecentDelivery(scope, 'old', '', 0)).toBe(true);
		expect(claimRecentDelivery(scope, 'old', '', DAY)).toBe(false);
		expect(claimRecentDelivery(scope, 'other', '', DAY + 2)).toBe(true);
		// 'old' was last recorded at 0 and is expired by now
		expect(claimRecentDelivery(scope, 'old', '', DAY + 2)).toBe(true);
	});

	it('keeps at most 1000 keys per trigger, dropping the oldest', () => {
		const scope = freshScope();
		for (let index = 0; index < 1001; index++)
			expect(claimRecentDelivery(scope, `k${index}`, '', index)).toBe(true);
		expect(claimRecentDelivery(scope, 'k1000', '', 2000)).toBe(false);
		expect(claimRecentDelivery(scope, 'k1', '', 2000)).toBe(false);
		// k0 was pushed out by the 1001st key
		expect(claimRecentDelivery(scope, 'k0', '', 2000)).toBe(true);
	});
});
