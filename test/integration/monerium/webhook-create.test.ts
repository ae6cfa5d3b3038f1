/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { generateWebhookSecret } from '../../../nodes/Monerium/standard-webhooks';
import { moneriumNode, useMoneriumSandbox } from './monerium.fixture';

describe('Monerium manual webhook subscriptions', () => {
	const { sandbox, run } = useMoneriumSandbox();

	it('webhook:create subscribes a URL that answers the check; the secret is not in the output', async () => {
		const receiver: Server = createServer((_req, res) => {
			res.writeHead(200);
			res.end();
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
		const secret = generateWebhookSecret(24);
		try {
			const result = await run({
				nodes: [
					moneriumNode('Monerium', {
						resource: 'webhook',
						operation: 'create',
						url,
						secret,
						types: ['iban.updated'],
					}),
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.json('Monerium')[0]).toMatchObject({
				url,
				types: ['iban.updated'],
				subscribed: true,
			});
			expect(JSON.stringify(result.json('Monerium'))).not.toContain(secret);
			expect(sandbox().state.subscriptions).toHaveLength(1);
			const bad = await run({
				nodes: [
					moneriumNode('Monerium', {
						resource: 'webhook',
						operation: 'create',
						url,
						secret: 'whsec_short',
						types: ['iban.updated'],
					}),
				],
			});
			expect(bad.error?.message).toContain('24 to 64 random bytes');
			// The document's Create subscription has url and secret only: no Events sends no types.
			const plain = await run({
				nodes: [
					moneriumNode('Monerium', {
						resource: 'webhook',
						operation: 'create',
						url,
						secret: generateWebhookSecret(32),
						types: [],
					}),
				],
			});
			expect(plain.error).toBeUndefined();
			expect(sandbox().state.subscriptions.at(-1)?.types).toEqual([
				'profile.updated',
				'iban.updated',
			]);
		} finally {
			await new Promise<void>((resolve) => receiver.close(() => resolve()));
		}
	});
});
