import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openSession, type Session } from './support/chromium';
import { accessibilityProblems } from './pages/accessibility';

/**
 * Every screen and the main dialogs at a desktop (1280×800) and a tablet held upright (768×1024),
 * saved to test-results/ for looking at. Each shot also checks what a dealer would notice first:
 * the page never scrolls sideways and no button sits cut off past the right edge.
 */
const VIEWPORTS = [
	{ width: 1280, height: 800 },
	{ width: 768, height: 1024 }
] as const;

let session: Session;
let orderPath = '';
let poPath = '';

beforeAll(async () => {
	session = await openSession();
	mkdirSync('test-results', { recursive: true });
	// One PO to show: the first item a distributor can drop-ship, placed in the demo.
	const { page } = session;
	await openApp(page, '/orders?qualify=1');
	await page.locator('main a[href^="/orders/"]').first().click();
	await page.getByRole('heading', { name: 'Items' }).waitFor();
	orderPath = new URL(page.url()).pathname;
	await page
		.getByRole('button', { name: /^Dropship / })
		.first()
		.click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
	await dialog.waitFor({ state: 'detached' });
	const poLink = page
		.getByRole('table', { name: 'Purchase orders of this order' })
		.getByRole('link');
	await poLink.first().waitFor();
	poPath = (await poLink.first().getAttribute('href')) ?? '';
});

afterAll(async () => {
	await session?.close();
});

/**
 * What sticks out past the right edge: the page itself, a table wider than its box, or a button.
 */
async function overflow(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > width + 1) {
			problems.push(`page ${document.documentElement.scrollWidth}px wide in ${width}px`);
		}
		// A table that needs sideways scrolling hides its last columns (the dealer's actions).
		for (const el of document.querySelectorAll<HTMLElement>('.table-scroll')) {
			if (el.scrollWidth > el.clientWidth + 1) {
				const name =
					el.querySelector('caption')?.textContent?.trim() ?? el.querySelector('th')?.textContent;
				problems.push(`table "${name}" ${el.scrollWidth}px wide in ${el.clientWidth}px`);
			}
		}
		for (const el of document.querySelectorAll<HTMLElement>('button, a.button, [role=dialog]')) {
			const box = el.getBoundingClientRect();
			// Inside a scrolling table the dealer scrolls to it; only what the page cuts off counts.
			if (box.width === 0 || el.closest('.table-scroll')) continue;
			if (box.right > width + 1) problems.push(`${el.textContent?.trim()} ends at ${box.right}px`);
		}
		return problems;
	});
}

/** A screen is shot whole; a dialog as the window shows it (a modal does not scroll the page). */
async function shoot(page: Page, name: string, isWhole = true): Promise<void> {
	// Fonts and the last liveQuery answers settle before the picture.
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
	await page.screenshot({ path: `test-results/${name}-${width}x${height}.png`, fullPage: isWhole });
	expect(await overflow(page), `${name} at ${width}×${height}`).toEqual([]);
	// Every screen and open dialog at both sizes passes axe too (the dialogs are only here).
	expect(await accessibilityProblems(page), `${name} at ${width}×${height}`).toEqual([]);
}

const SCREENS: { name: string; path: () => string; ready: (page: Page) => Promise<unknown> }[] = [
	{
		name: 'dashboard',
		path: () => '/',
		ready: (p) => p.getByRole('img', { name: /orders in the last 30 days/ }).waitFor()
	},
	{
		name: 'orders',
		path: () => '/orders',
		ready: (p) => p.locator('main tbody tr').first().waitFor()
	},
	{
		name: 'order',
		path: () => orderPath,
		ready: (p) => p.getByRole('button', { name: 'Record manual drop-ship' }).first().waitFor()
	},
	{
		name: 'purchase-orders',
		path: () => '/purchase-orders',
		ready: (p) => p.locator('main tbody tr').first().waitFor()
	},
	{
		name: 'purchase-order',
		path: () => poPath,
		ready: (p) => p.getByRole('heading', { name: 'History' }).waitFor()
	},
	{
		name: 'catalog',
		path: () => '/catalog',
		ready: async (p) => {
			await p.getByLabel('Search the catalog').fill('brake');
			await p
				.getByRole('table', { name: /Offers for/ })
				.first()
				.waitFor();
		}
	},
	{
		name: 'catalog-import',
		path: () => '/catalog/import',
		ready: (p) => p.getByLabel('Layout').waitFor()
	},
	{
		name: 'settings-order-automation',
		path: () => '/settings',
		ready: (p) => p.getByRole('heading', { level: 2, name: 'Tucker Rocky' }).waitFor()
	},
	{
		name: 'settings-inventory-rules',
		path: () => '/settings/inventory-rules',
		ready: (p) => p.locator('main table tbody tr').first().waitFor()
	},
	{
		name: 'settings-email',
		path: () => '/settings/email',
		ready: (p) =>
			p
				.getByText(/No emails yet|\d+ emails?/)
				.first()
				.waitFor()
	},
	{
		name: 'settings-data',
		path: () => '/settings/data',
		ready: (p) => p.getByText(/of [\d.]+ \w+ available/).waitFor()
	}
];

describe.each(VIEWPORTS)('screens at $width×$height', (viewport) => {
	it.each(SCREENS)('$name', async (screen) => {
		const { page } = session;
		await page.setViewportSize(viewport);
		await openApp(page, screen.path());
		await screen.ready(page);
		await shoot(page, screen.name);
	});

	it('the main dialogs: Dropship, manual drop-ship, new order', async () => {
		const { page } = session;
		await page.setViewportSize(viewport);
		await openApp(page, '/orders?qualify=1');
		await page.locator('main a[href^="/orders/"]').nth(1).click();
		await page.getByRole('heading', { name: 'Items' }).waitFor();
		await page
			.getByRole('button', { name: /^Dropship / })
			.first()
			.click();
		const dialog = page.getByRole('dialog');
		await dialog.locator('form[data-siblings-checked="true"]').waitFor();
		await shoot(page, 'dialog-dropship', false);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await dialog.waitFor({ state: 'detached' });

		await page.getByRole('button', { name: 'Record manual drop-ship' }).first().click();
		await dialog.getByLabel('Their order number').waitFor();
		await shoot(page, 'dialog-manual-dropship', false);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await dialog.waitFor({ state: 'detached' });

		await openApp(page, '/orders');
		await page.getByRole('button', { name: 'New order' }).click();
		await dialog.getByRole('heading', { name: 'New order' }).waitFor();
		await shoot(page, 'dialog-new-order', false);
		expect(session.errors).toEqual([]);
	});
});
