// Memento Payments in a real n8n: the example opens a session from the credential's long-lived
// authentication token (the credential's preAuthentication, run by n8n) and lists every payment
// with Return All (`n8n execute --id`); then the polling trigger runs on a running n8n, every
// minute (n8n's shortest poll interval), and emits payments created between polls exactly once.
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { ME, type MementoSandbox } from '../sandboxes/memento';
import type { N8n } from './lib/n8n';
import { describeFailure, nodeOutput } from './lib/n8n-output';
import { sleep } from './lib/processes';
import { providerEnvironment, type ProviderEnvironment } from './lib/setup';
import { waitForFinishedExecutions } from './lib/waits';

const OWNER = {
	email: 'memento-e2e@payments-pack.dev',
	// A throwaway owner of a throwaway n8n.
	password: `Memento-${randomUUID()}-A1`,
	firstName: 'Memento',
	lastName: 'Tester',
};

/** n8n polls "every minute" at a random second: a poll is at most a minute (plus its run) away. */
const NEXT_POLL_MS = 75_000;
const POLL_WAIT = { includeData: true, intervalMs: 1000 };

function emittedDescriptions(
	execution: Awaited<ReturnType<N8n['executions']>>[number] | undefined,
): unknown[] {
	const items = execution?.data?.resultData.runData['New Payment']?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.json.description);
}

describe('Memento Payments in n8n 2.41', () => {
	let env: ProviderEnvironment<MementoSandbox>;

	beforeAll(async () => {
		env = await providerEnvironment<MementoSandbox>('memento');
	});

	afterAll(async () => {
		await env?.dispose();
	});

	it('opens one session from the authentication token and lists every payment once with Return All', async () => {
		env.sandbox.reset();
		const seeded = env.sandbox.state.payments.map((payment) => String(payment.uuid));
		expect(seeded.length).toBeGreaterThan(200);

		const result = await env.n8n.execute(env.example('memento-payments-list').id);
		if (!result.run || result.code !== 0) throw new Error(describeFailure(result));
		expect(nodeOutput(result.run, 'Current User')[0]).toMatchObject({ uuid: ME.uuid });
		const listed = nodeOutput(result.run, 'All Payments').map((payment) => String(payment.uuid));
		expect(listed).toHaveLength(seeded.length);
		expect(new Set(listed).size).toBe(listed.length);
		expect([...listed].sort()).toEqual([...seeded].sort());

		// One session for both nodes; Return All walked 100-item pages to the first short one.
		expect(env.sandbox.stats.sessionsCreated).toBe(1);
		expect(env.sandbox.requestsTo('POST', '/v1/sessions')).toHaveLength(1);
		const pages = env.sandbox.requestsTo('GET', '/v1/payments').map((r) => r.query);
		expect(pages).toEqual(
			Array.from({ length: Math.ceil((seeded.length + 1) / 100) }, (_, index) => ({
				page: String(index + 1),
				limit: '100',
			})),
		);
		expect(JSON.stringify(result.run)).not.toContain(env.sandbox.authenticationToken);
	});

	it('the polling trigger remembers the newest payment at activation, then emits payments created between polls exactly once', async () => {
		env.sandbox.reset();
		const newPayment = (description: string): IDataObject => {
			const payment = {
				...env.sandbox.state.stamp(),
				owner_uuid: ME.uuid,
				amount: '1.00',
				currency: 'GBP',
				status: 'completed',
				description,
			};
			env.sandbox.state.payments.push(payment);
			return payment;
		};
		const trigger = env.example('memento-new-payment-trigger');
		await env.n8n.start();
		await env.n8n.ensureOwner(OWNER);
		await env.n8n.createApiKey();
		await env.n8n.activate(trigger.id);

		// Activation (done shortly after the API answers) ran the first poll: it only asked for the
		// newest payment and started nothing. (The session stored by the first test is gone after the
		// sandbox reset: that poll gets a 401, opens a new session and asks again.)
		const answered = () =>
			env.sandbox.requestsTo('GET', '/v1/payments').filter((r) => r.status === 200);
		const deadline = Date.now() + 15_000;
		while (answered().length === 0 && Date.now() < deadline) await sleep(100);
		expect(answered().map((r) => r.query)).toEqual([
			{ sort: 'created_at:desc', page: '1', limit: '1' },
		]);
		newPayment('between activation and the next poll (a)');
		newPayment('between activation and the next poll (b)');

		const pollsSeen = () =>
			`no execution; the sandbox saw ${JSON.stringify(env.sandbox.requests.map((r) => [r.method, r.path, r.query, r.status]))}`;
		const first = await waitForFinishedExecutions(env.n8n, trigger.id, 1, NEXT_POLL_MS, POLL_WAIT);
		if (first.length !== 1) throw new Error(pollsSeen());
		expect(first[0].status).toBe('success');
		expect(emittedDescriptions(first[0])).toEqual([
			'between activation and the next poll (a)',
			'between activation and the next poll (b)',
		]);

		newPayment('between two polls (c)');
		const second = await waitForFinishedExecutions(env.n8n, trigger.id, 2, NEXT_POLL_MS, POLL_WAIT);
		expect(second).toHaveLength(2);
		// Newest first: the second execution has only the payment created after the first poll.
		expect(emittedDescriptions(second[0])).toEqual(['between two polls (c)']);
		expect(emittedDescriptions(second[1])).toEqual(emittedDescriptions(first[0]));

		// Every scheduled poll asked from the cursor on, oldest first.
		const cursorPolls = answered()
			.slice(1)
			.map((r) => r.query);
		expect(cursorPolls.length).toBeGreaterThanOrEqual(2);
		for (const query of cursorPolls) {
			expect(query.filter).toMatch(/^created_at:gte:\d{4}-\d\d-\d\dT/);
			expect(query.sort).toBe('created_at:asc,uuid:asc');
		}
		// The session opened for the activation poll served every later poll (stored with the credential).
		expect(env.sandbox.stats.sessionsCreated).toBe(1);
	});
});
