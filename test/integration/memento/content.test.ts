import {
	CARD_UUID,
	mementoNode,
	UNVERIFIED_SOURCE_UUID,
	useMementoSandbox,
} from './memento.fixture';

describe('Memento Payments: payment sources, fees, transactions, images and feeds', () => {
	const { sandbox, run, runOne } = useMementoSandbox();

	it('paymentSource:create, get, update, verify, delete and getMany', async () => {
		const [created] = await runOne({
			resource: 'paymentSource',
			operation: 'create',
			sourceType: 'card',
			name: 'Travel card',
			currency: 'gbp',
			details: '{"token": "tok_123"}',
		});
		expect(sandbox().requestsTo('POST', '/v1/payment-sources')[0].body).toEqual({
			type: 'card',
			name: 'Travel card',
			currency: 'GBP',
			details: { token: 'tok_123' },
		});
		const uuid = created.uuid as string;
		const [got] = await runOne({ resource: 'paymentSource', operation: 'get', sourceUuid: uuid });
		expect(got).toMatchObject({ name: 'Travel card', verified: false });
		const [updated] = await runOne({
			resource: 'paymentSource',
			operation: 'update',
			sourceUuid: uuid,
			updateFields: { name: 'Trips', isDefault: true },
		});
		expect(updated).toMatchObject({ name: 'Trips', default: true });
		const [verified] = await runOne({
			resource: 'paymentSource',
			operation: 'verify',
			sourceUuid: UNVERIFIED_SOURCE_UUID,
			code: '4321',
		});
		expect(verified.verified).toBe(true);
		const [deleted] = await runOne({
			resource: 'paymentSource',
			operation: 'delete',
			sourceUuid: uuid,
		});
		expect(deleted.deleted).toBe(true);
		const sources = await runOne({
			resource: 'paymentSource',
			operation: 'getMany',
			returnAll: true,
		});
		expect(sources.map((entry) => entry.name)).toEqual(['Company card', 'Savings']);
	});

	it('fee:calculate sends source, recipient and amount', async () => {
		const [fee] = await runOne({
			resource: 'fee',
			operation: 'calculate',
			paymentSourceUuid: CARD_UUID,
			recipientType: 'user',
			recipientUserUuid: 'd6edcdba-f3f1-4249-96bc-bb977fde27fb',
			amount: '100',
			currency: 'GBP',
		});
		expect(fee).toEqual({ amount: '100.00', fee: '1.00', total: '101.00', currency: 'GBP' });
		expect(sandbox().requestsTo('POST', '/v1/fees/calculate')[0].body).toEqual({
			payment_source_uuid: CARD_UUID,
			user_uuid: 'd6edcdba-f3f1-4249-96bc-bb977fde27fb',
			amount: '100.00',
			currency: 'GBP',
		});
	});

	it('transaction:getMany and transaction:get', async () => {
		const transactions = await runOne({
			resource: 'transaction',
			operation: 'getMany',
			returnAll: true,
			filters: { condition: [{ field: 'type', operator: 'eq', value: 'in' }] },
		});
		expect(transactions).toHaveLength(15);
		const [one] = await runOne({
			resource: 'transaction',
			operation: 'get',
			transactionUuid: transactions[0].uuid as string,
		});
		expect(one.uuid).toBe(transactions[0].uuid);
	});

	it('notification:getMany, moment:getMany and moment:get', async () => {
		const notifications = await runOne({
			resource: 'notification',
			operation: 'getMany',
			returnAll: true,
			filters: { condition: [{ field: 'read', operator: 'eq', value: 'false' }] },
		});
		expect(notifications).toHaveLength(6);
		const moments = await runOne({ resource: 'moment', operation: 'getMany', limit: 2 });
		expect(moments).toHaveLength(2);
		const [moment] = await runOne({
			resource: 'moment',
			operation: 'get',
			momentUuid: moments[1].uuid as string,
		});
		expect(moment.title).toBe('Moment 2');
	});

	it('announcement:getMany (since, in the documented format) and announcement:get', async () => {
		const all = await runOne({
			resource: 'announcement',
			operation: 'getMany',
			returnAll: true,
			since: '2024-12-31T23:00:00.000Z',
		});
		expect(all.map((entry) => entry.title)).toEqual(['Updated Terms of Use', 'New feature']);
		expect(sandbox().requestsTo('GET', '/v1/announcements')[0].query.since).toBe(
			'2024-12-31 23:00:00',
		);
		const [one] = await runOne({
			resource: 'announcement',
			operation: 'get',
			announcementUuid: all[0].uuid as string,
		});
		expect(one.title).toBe('Updated Terms of Use');
	});

	it('activity:getUpdates counts what happened since a time', async () => {
		const [updates] = await runOne({
			resource: 'activity',
			operation: 'getUpdates',
			since: '2025-01-01 00:00:00',
		});
		expect(updates).toMatchObject({ has_updates: true, payments_due: 2 });
		expect(updates.payments_received).toBeGreaterThan(0);
		expect(sandbox().requestsTo('GET', '/v1/activity/updates')[0].query).toEqual({
			since: '2025-01-01 00:00:00',
		});
	});

	it('image:upload sends the binary as base64, image:get reads it back', async () => {
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
		const [uploaded] = await runOne(
			{ resource: 'image', operation: 'upload', binaryPropertyName: 'photo' },
			[
				{
					$binary: {
						photo: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'receipt.png' },
					},
				},
			],
		);
		expect(uploaded).toMatchObject({
			content_type: 'image/png',
			size: png.length,
			file_name: 'receipt.png',
		});
		expect(sandbox().requestsTo('POST', '/v1/images')[0].body).toEqual({
			file_name: 'receipt.png',
			content_type: 'image/png',
			data: png.toString('base64'),
		});
		const [image] = await runOne({
			resource: 'image',
			operation: 'get',
			imageUuid: uploaded.uuid as string,
		});
		expect(image.url).toBe(uploaded.url);
	});

	it('image:upload refuses a file that is not an image before sending', async () => {
		const result = await run({
			items: [
				{
					$binary: {
						data: { data: Buffer.from('hello').toString('base64'), mimeType: 'text/plain' },
					},
				},
			],
			nodes: [mementoNode('Memento', { resource: 'image', operation: 'upload' })],
		});
		expect(result.error?.message).toMatch(/text\/plain, not a JPEG, PNG, GIF or WebP image/);
		expect(sandbox().requests).toHaveLength(0);
	});
});
