/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// The n8n editor in headless Chromium: Debian's chromium driven by playwright-core (which never
// downloads a browser). Selectors are n8n 2.41's data-test-id attributes.
import { chromium, type Browser, type Page } from 'playwright-core';

import type { Owner } from './n8n-api-client';
import type { RuntimePaths } from './runtime';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--headless',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage',
];

/** Waits (briefly) until every <img> on the page has loaded or failed. The editor keeps a push
 * connection open, so Playwright's 'networkidle' never comes. */
export async function imagesLoaded(page: Page, timeout = 5_000): Promise<void> {
	await page
		.waitForFunction('Array.from(document.images).every((image) => image.complete)', undefined, {
			timeout,
		})
		.catch(() => undefined);
}

export async function launchChromium(runtime: RuntimePaths): Promise<Browser> {
	const executablePath = process.env.CHROMIUM_PATH || runtime.chromium;
	if (!executablePath) {
		throw new Error(
			"chromium is missing: run `bash scripts/n8n.sh --with-chromium` (installs Debian's chromium).",
		);
	}
	return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export async function newEditorPage(browser: Browser): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(30_000);
	return page;
}

/** Signs in through the editor's own sign-in form. */
export async function signIn(
	page: Page,
	baseUrl: string,
	owner: Pick<Owner, 'email' | 'password'>,
): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', owner.email);
	await page.fill('input[name=password]', owner.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((url) => !url.pathname.includes('/signin'));
}

export async function openWorkflow(page: Page, baseUrl: string, workflowId: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	// a workflow's nodes, or the "add first step" button of an empty one
	await page.waitForSelector('[data-test-id=canvas-node], [data-test-id=canvas-add-button]');
	// let the canvas fit the view and the icons load
	await imagesLoaded(page);
}

export async function canvasNodeNames(page: Page): Promise<Array<{ name: string; type: string }>> {
	return await page.$$eval('[data-test-id=canvas-node]', (elements) =>
		elements.map((element) => ({
			name: element.getAttribute('data-node-name') ?? '',
			type: element.getAttribute('data-node-type') ?? '',
		})),
	);
}

export async function openNodeDetails(page: Page, nodeName: string): Promise<void> {
	await page.dblclick(
		`[data-test-id=canvas-node][data-node-name="${nodeName.replace(/"/g, '\\"')}"]`,
	);
	await page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]');
	await imagesLoaded(page);
}

export async function closeNodeDetails(page: Page): Promise<void> {
	await page.click('[data-test-id=ndv-close-button]');
	await page.waitForSelector('[data-test-id=ndv]', { state: 'hidden' });
}

/** Opens a parameter's dropdown in the open node panel and returns the option names shown. */
export async function openDropdown(page: Page, parameterName: string): Promise<string[]> {
	await page.click(`[data-test-id=ndv] [data-test-id=parameter-input-${parameterName}]`);
	const options = page.locator('.el-select-dropdown__item:visible');
	await options.first().waitFor();
	const texts = await options.allInnerTexts();
	return texts.map((text) => text.split('\n')[0].trim()).filter(Boolean);
}

export async function closeDropdown(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
}

export interface NodesPanelItem {
	name: string;
	/** the line under the name */
	description: string;
	iconUrls: string[];
	/** every <img> of the item loaded with a non-zero width (no broken icon) */
	iconsLoaded: boolean;
	/** the item shows an icon at all (an <img> or an inline svg) */
	hasIcon: boolean;
}

/** Opens the nodes panel ("+"), searches, and lists the items it shows. */
export async function searchNodesPanel(page: Page, query: string): Promise<NodesPanelItem[]> {
	const search = page.locator('[data-test-id=node-creator-search-bar]');
	if (!(await search.isVisible())) {
		await page.click('[data-test-id=node-creator-plus-button]');
		await search.waitFor();
	}
	const input = page
		.locator(
			'[data-test-id=node-creator-search-bar] input, input[data-test-id=node-creator-search-bar]',
		)
		.first();
	await input.fill(query);
	// the list updates as one types: wait for an item that matches (or give up and report what is shown)
	await page
		.locator('[data-test-id=item-iterator-item]', { hasText: query })
		.first()
		.waitFor({ timeout: 10_000 })
		.catch(() => undefined);
	await imagesLoaded(page);
	return await page.$$eval('[data-test-id=item-iterator-item]', (elements) =>
		elements.map((element) => {
			type Img = { src: string; complete: boolean; naturalWidth: number };
			const images = Array.from(element.querySelectorAll('img')) as unknown as Img[];
			const lines = ((element as unknown as { innerText?: string }).innerText ?? '')
				.split('\n')
				.map((line) => line.trim())
				.filter(Boolean);
			return {
				name: lines[0] ?? '',
				description: lines.length > 1 ? lines[lines.length - 1] : '',
				iconUrls: images.map((image) => image.src),
				iconsLoaded: images.every((image) => image.complete && image.naturalWidth > 0),
				hasIcon: images.length > 0 || element.querySelector('svg') !== null,
			};
		}),
	);
}

/** Clicks the nodes panel item with this exact name and returns the names the panel then lists
 * (an app's actions, or its trigger events). */
export async function openNodesPanelItem(page: Page, name: string): Promise<string[]> {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await page
		.locator('[data-test-id=item-iterator-item]')
		.filter({
			has: page.locator('[data-test-id=node-creator-item-name]', {
				hasText: new RegExp(`^${escaped}$`),
			}),
		})
		.first()
		.click();
	await page.waitForTimeout(500);
	const texts = await page
		.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]')
		.allInnerTexts();
	return texts.map((text) => text.split('\n')[0].trim()).filter(Boolean);
}

export async function closeNodesPanel(page: Page): Promise<void> {
	const panel = page.locator('[data-test-id=node-creator]');
	for (let attempt = 0; attempt < 4 && (await panel.isVisible()); attempt++) {
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'hidden', timeout: 1_000 }).catch(() => undefined);
	}
}
