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
	openWorkflow,
	searchNodesPanel,
	signIn,
} from './lib/browser';
import { N8n } from './lib/n8n';
import { packCredentialTypes, packNodes, type PackNode } from './lib/pack-nodes';
import { readRuntime } from './lib/runtime';
import { sharedPack } from './lib/setup';

const OWNER = {
	email: 'e2e@example.com',
	password: 'E2ePass1234',
	firstName: 'End',
	lastName: 'ToEnd',
};
const SCRATCH_ID = 'ppAllPackNodes01';

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
		// one instance of every action node, so the browser can open each node's panel
		await n8n.importWorkflows([
			{
				id: SCRATCH_ID,
				name: 'Every node of the payments pack',
				active: false,
				settings: { executionOrder: 'v1' },
				nodes: [
					{
						id: '00000000-0000-4000-8000-000000000001',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [-300, 0],
						parameters: {},
					},
					...actionNodes.map((node, index) => node.workflowNode([index * 300, 0])),
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
		await openWorkflow(page, n8n.baseUrl, SCRATCH_ID);
		for (const node of nodes) {
			const items = await searchNodesPanel(page, node.displayName);
			const item = items.find((candidate) => candidate.name === node.displayName);
			expect({ node: node.displayName, listed: items.map((i) => i.name) }).toEqual({
				node: node.displayName,
				listed: expect.arrayContaining([node.displayName]),
			});
			expect({
				node: node.displayName,
				hasIcon: item!.hasIcon,
				iconsLoaded: item!.iconsLoaded,
			}).toEqual({
				node: node.displayName,
				hasIcon: true,
				iconsLoaded: true,
			});
		}
		await closeNodesPanel(page);
	});

	it("shows each action node's resources in its Resource dropdown", async () => {
		expect(actionNodes.length).toBeGreaterThan(0);
		await openWorkflow(page, n8n.baseUrl, SCRATCH_ID);
		for (const node of actionNodes) {
			await openNodeDetails(page, node.displayName);
			const shown = await openDropdown(page, 'resource');
			await closeDropdown(page);
			await closeNodeDetails(page);
			expect({ node: node.displayName, shown }).toEqual({
				node: node.displayName,
				shown: expect.arrayContaining(node.resources),
			});
		}
	});
});
