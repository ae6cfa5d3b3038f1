// A real `n8n start` with the packed package: the node and credential types are served with icons
// that resolve, and in headless Chromium the nodes panel lists every node of the pack with its icon
// and each action node's Resource dropdown shows its resources.
import type { Browser, Page } from 'playwright-core';

import {
	closeDropdown,
	closeNodeDetails,
	closeNodesPanel,
	launchChromium,
	newEditorPage,
	openDropdown,
	openNodeDetails,
	openNodesPanelItem,
	openWorkflow,
	searchNodesPanel,
	signIn,
} from './lib/browser';
import { N8n } from './lib/n8n';
import { sleep } from './lib/processes';
import { allNodesWorkflow, packCredentialTypes, packNodes, type PackNode } from './lib/pack-nodes';
import { readRuntime } from './lib/runtime';
import { sharedPack } from './lib/setup';

const OWNER = {
	email: 'e2e@example.com',
	password: 'E2ePass1234',
	firstName: 'End',
	lastName: 'ToEnd',
};
const SCRATCH_ID = 'ppAllPackNodes01';
const WEBHOOK_ID = 'ppWebhookCheck01';
const EMPTY_ID = 'ppEmptyWorkflow1';
const WEBHOOK_PATH = 'payments-pack-e2e-selfcheck';

describe('the pack in a running n8n editor', () => {
	let nodes: PackNode[];
	let actionNodes: PackNode[];
	let n8n: N8n;
	let browser: Browser | undefined;
	let page: Page;

	beforeAll(async () => {
		nodes = await packNodes();
		actionNodes = nodes.filter((node) => node.resources.length > 0);
		const runtime = readRuntime();
		n8n = await N8n.create({ runtime, pack: sharedPack(), label: 'editor' });
		// one instance of every node, so the browser can open each node's panel
		await n8n.importWorkflows([
			allNodesWorkflow(nodes, SCRATCH_ID),
			{
				id: EMPTY_ID,
				name: 'Empty workflow',
				active: false,
				settings: { executionOrder: 'v1' },
				nodes: [],
				connections: {},
			},
			{
				// n8n's own Webhook node: proves the activate-and-deliver path that provider triggers use
				id: WEBHOOK_ID,
				name: 'Activation self-check',
				active: false,
				settings: { executionOrder: 'v1' },
				nodes: [
					{
						id: '00000000-0000-4000-8000-000000000002',
						name: 'Webhook',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						position: [0, 0],
						webhookId: '5f0d7b8e-4c1a-4d55-9a57-7d1f4bb0c001',
						parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, options: {} },
					},
				],
				connections: {},
			},
		]);
		await n8n.start();
		await n8n.ensureOwner(OWNER);
		browser = await launchChromium(runtime);
		page = await newEditorPage(browser);
		await signIn(page, n8n.baseUrl, OWNER);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.dispose();
	});

	it('declares at least one node', () => {
		expect(nodes.length).toBeGreaterThan(0);
	});

	it('serves every node type of the pack with an icon that resolves', async () => {
		const { status, data } = await n8n.rest<
			Array<{ name: string; iconUrl?: string | { light: string } }>
		>('GET', '/types/nodes.json');
		expect(status).toBe(200);
		for (const node of nodes) {
			const served = data.find((type) => type.name === node.type);
			expect({ node: node.type, served: Boolean(served) }).toEqual({
				node: node.type,
				served: true,
			});
			const iconUrl =
				typeof served!.iconUrl === 'string' ? served!.iconUrl : served!.iconUrl?.light;
			expect({ node: node.type, iconUrl }).toEqual({
				node: node.type,
				iconUrl: expect.stringMatching(/^icons\//),
			});
			const icon = await fetch(`${n8n.baseUrl}/${iconUrl}`);
			const body = Buffer.from(await icon.arrayBuffer());
			expect({ iconUrl, status: icon.status, type: icon.headers.get('content-type') }).toEqual({
				iconUrl,
				status: 200,
				type: expect.stringMatching(/^image\/(svg\+xml|png)/),
			});
			expect(body.length).toBeGreaterThan(100);
		}
	});

	it('serves every credential type of the pack with an icon that resolves', async () => {
		const { data } = await n8n.rest<Array<{ name: string; iconUrl?: string | { light: string } }>>(
			'GET',
			'/types/credentials.json',
		);
		for (const credentialType of await packCredentialTypes()) {
			const served = data.find((type) => type.name === credentialType);
			expect({ credentialType, served: Boolean(served) }).toEqual({ credentialType, served: true });
			const iconUrl =
				typeof served!.iconUrl === 'string' ? served!.iconUrl : served!.iconUrl?.light;
			const icon = await fetch(`${n8n.baseUrl}/${iconUrl}`);
			await icon.arrayBuffer();
			expect({ credentialType, status: icon.status }).toEqual({ credentialType, status: 200 });
		}
	});

	it('lists every node of the pack in the nodes panel, each with a loaded icon', async () => {
		// Action nodes are offered after a trigger ("What happens next?"), trigger nodes on an empty
		// workflow ("What triggers this workflow?"). n8n shows an app's action and trigger nodes as one
		// item named after the app (Monerium Trigger -> "Monerium"); opening it lists the node's
		// actions (its operations) or its trigger events.
		const listed: Array<Record<string, unknown>> = [];
		let open: string | undefined;
		for (const node of [...nodes].sort((a, b) => Number(a.isTrigger) - Number(b.isTrigger))) {
			const workflowId = node.isTrigger ? EMPTY_ID : SCRATCH_ID;
			if (open !== workflowId) await openWorkflow(page, n8n.baseUrl, workflowId);
			open = workflowId;
			const appName = node.displayName.replace(/ Trigger$/, '');
			const items = await searchNodesPanel(page, appName);
			const item = items.find(
				(candidate) => candidate.name === node.displayName || candidate.name === appName,
			);
			const inside = item ? await openNodesPanelItem(page, item.name) : [];
			const offersNode = node.isTrigger
				? inside.length > 0
				: node.actions.some((action) => inside.includes(action));
			listed.push({
				node: node.displayName,
				found: Boolean(item),
				hasIcon: item?.hasIcon,
				iconsLoaded: item?.iconsLoaded,
				offersNode,
				...(item && offersNode ? {} : { shown: items.map((i) => i.name), inside }),
			});
			await closeNodesPanel(page);
		}
		expect(listed).toEqual(
			[...nodes]
				.sort((a, b) => Number(a.isTrigger) - Number(b.isTrigger))
				.map((node) => ({
					node: node.displayName,
					found: true,
					hasIcon: true,
					iconsLoaded: true,
					offersNode: true,
				})),
		);
	});

	it("opens every node's panel, and each action node's Resource dropdown shows its resources", async () => {
		expect(actionNodes.length).toBeGreaterThan(0);
		await openWorkflow(page, n8n.baseUrl, SCRATCH_ID);
		const seen: Array<{ node: string; resources: string[] }> = [];
		for (const node of nodes) {
			await openNodeDetails(page, node.displayName);
			let shown: string[] = [];
			if (node.resources.length > 0) {
				shown = await openDropdown(page, 'resource');
				await closeDropdown(page);
			}
			await closeNodeDetails(page);
			seen.push({
				node: node.displayName,
				resources: shown.filter((name) => node.resources.includes(name)),
			});
		}
		expect(seen).toEqual(
			nodes.map((node) => ({ node: node.displayName, resources: node.resources })),
		);
	});

	it('activates a workflow through the public API and runs it once per delivery (trigger path)', async () => {
		await n8n.createApiKey();
		await n8n.activate(WEBHOOK_ID);
		const delivery = await n8n.deliverWebhook(WEBHOOK_PATH, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ hello: 'payments pack' }),
		});
		await delivery.arrayBuffer();
		expect(delivery.status).toBe(200);
		let executions: Awaited<ReturnType<N8n['executions']>> = [];
		for (let attempt = 0; attempt < 40 && executions.length === 0; attempt++) {
			await sleep(250);
			executions = await n8n.executions(WEBHOOK_ID);
		}
		await sleep(1000); // and no second one comes
		executions = await n8n.executions(WEBHOOK_ID);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
	});
});
