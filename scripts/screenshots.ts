/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
// `npm run screenshots` (via scripts/screenshots.sh): with the demo running, signs in to its editor
// in headless Chromium, opens every example workflow, runs it, opens each node's panel, shows the
// nodes panel and each action node's Resource dropdown, and saves PNGs under docs/screenshots/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

import {
	canvasNodeNames,
	closeDropdown,
	closeNodeDetails,
	closeNodesPanel,
	imagesLoaded,
	launchChromium,
	newEditorPage,
	openDropdown,
	openNodeDetails,
	openWorkflow,
	searchNodesPanel,
	signIn,
} from '../test/e2e/lib/browser';
import { DEMO_OWNER, DEMO_URL } from '../test/e2e/lib/demo-config';
import { ALL_NODES_WORKFLOW_ID, packNodes } from '../test/e2e/lib/pack-nodes';
import { readPackageJson } from '../test/e2e/lib/pack';
import { readRuntime, REPO_ROOT } from '../test/e2e/lib/runtime';
import { loadExamples } from '../test/e2e/providers';

const OUT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
const slug = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

async function demoIsUp(): Promise<boolean> {
	try {
		const response = await fetch(`${DEMO_URL}/healthz/readiness`);
		return response.status === 200;
	} catch {
		return false;
	}
}

async function save(page: Page, name: string): Promise<void> {
	const file = path.join(OUT_DIR, `${name}.png`);
	await page.waitForTimeout(400);
	await page.screenshot({ path: file });
	console.log(`  ${path.relative(REPO_ROOT, file)}`);
}

async function main(): Promise<void> {
	if (!(await demoIsUp())) {
		throw new Error(
			`no demo at ${DEMO_URL}: start it first with \`npm run demo\` (in another terminal).`,
		);
	}
	fs.mkdirSync(OUT_DIR, { recursive: true });
	const runtime = readRuntime();
	const packageName = readPackageJson().name;
	const browser = await launchChromium(runtime);
	try {
		const page = await newEditorPage(browser);
		await signIn(page, DEMO_URL, DEMO_OWNER);
		console.log(`Saving screenshots of ${DEMO_URL} to ${path.relative(REPO_ROOT, OUT_DIR)}/:`);
		await page.goto(`${DEMO_URL}/home/workflows`);
		await page
			.locator('[data-test-id=resources-list-item-workflow], [data-test-id=resources-list-item]')
			.first()
			.waitFor({ timeout: 10_000 })
			.catch(() => undefined);
		await imagesLoaded(page);
		await save(page, '00-overview');

		for (const example of loadExamples()) {
			const base = slug(path.basename(example.file, '.json'));
			await openWorkflow(page, DEMO_URL, example.id);
			await save(page, `${base}`);
			// run it the way a person would, so the node panels show real input and output (only
			// workflows started by hand: a trigger workflow would wait for its event)
			const manual = JSON.stringify(example.workflow.nodes).includes(
				'"n8n-nodes-base.manualTrigger"',
			);
			if (manual) await page.click('[data-test-id=execute-workflow-button]');
			if (manual) {
				await page
					.getByText(
						/Workflow executed successfully|Problem in node|Workflow execution had an error/,
					)
					.first()
					.waitFor({ timeout: 30_000 })
					.catch(() => console.log(`  (no end of run seen for ${example.file})`));
				await save(page, `${base}--executed`);
			}
			for (const node of await canvasNodeNames(page)) {
				if (node.type === 'n8n-nodes-base.manualTrigger') continue;
				await openNodeDetails(page, node.name);
				await save(page, `${base}--${slug(node.name)}`);
				await closeNodeDetails(page);
			}
		}

		// every node's panel (and its Resource dropdown), on the demo's "every node" workflow
		const nodes = await packNodes();
		await openWorkflow(page, DEMO_URL, ALL_NODES_WORKFLOW_ID);
		await save(page, 'every-node');
		for (const node of nodes) {
			await openNodeDetails(page, node.displayName);
			await save(page, `node--${slug(node.displayName)}`);
			if (node.resources.length > 0) {
				await openDropdown(page, 'resource');
				await save(page, `node--${slug(node.displayName)}--resources`);
				await closeDropdown(page);
			}
			await closeNodeDetails(page);
		}
		// the nodes panel: n8n lists an app's action and trigger nodes as one item
		const apps = [...new Set(nodes.map((node) => node.displayName.replace(/ Trigger$/, '')))];
		for (const app of apps) {
			await searchNodesPanel(page, app);
			await save(page, `nodes-panel--${slug(app)}`);
			await closeNodesPanel(page);
		}
		console.log(`Done (${packageName}).`);
	} finally {
		await browser.close();
	}
}

main().catch((error: Error) => {
	console.error(`screenshots failed: ${error.message}`);
	process.exit(1);
});
