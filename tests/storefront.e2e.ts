import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * The demo shop's web store is a Shopify shop in the simulator. The dealer moves the clock on,
 * new web orders come in by themselves, one is drop-shipped, its shipment arrives, and the
 * simulated shop shows the fulfilment with the tracking number.
 */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	if (session.errors.length) console.log('ERRORS', session.errors.slice(0, 5));
	expect(session.errors).toEqual([]);
	await session.close();
});

async function advance(page: Page, label: 'Advance 4 hours' | 'Advance 1 day') {
	await openApp(page, '/settings/data');
	await page.getByRole('button', { name: label }).click();
	await page.getByText(/Moved the distributors’ clock on/).waitFor();
}

/** Drop-ships the first item of a web order that a distributor accepts; returns its number. */
async function dropShipAShopifyOrder(page: Page): Promise<string> {
	await openApp(page, '/orders');
	const table = page.getByRole('table', { name: /Orders matching/ });
	const rows = table
		.locator('tbody tr')
		.filter({ has: page.getByRole('link', { name: /^Shopify/ }) });
	await rows.first().waitFor();
	const count = await rows.count();
	for (let n = 0; n < count; n++) {
		const number = ((await rows.nth(n).locator('th').textContent()) ?? '').replace(/\D/g, '');
		await rows.nth(n).locator('th a').click();
		await page.getByRole('heading', { name: 'Items' }).waitFor();
		await expect.poll(() => page.getByText('Checking your feeds…').count()).toBe(0);
		const dropship = page.getByRole('button', { name: /^Dropship / }).first();
		if ((await dropship.count()) > 0) {
			await dropship.click();
			const dialog = page.getByRole('dialog');
			await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
			const placed = page.getByText(/^Placed with /);
			const refused = dialog.locator('.notice.error');
			await Promise.race([placed.waitFor(), refused.waitFor()]);
			if (await placed.count()) return number;
			await dialog.getByRole('button', { name: 'Cancel' }).click();
		}
		await openApp(page, '/orders');
		await rows.first().waitFor();
	}
	throw new Error('No web order from the shop could be drop-shipped');
}

describe('the demo shop’s Shopify store', () => {
	it('new web orders arrive on the clock; a drop-shipped one shows its fulfilment and tracking in the shop', async () => {
		const { page } = session;
		await openApp(page, '/');
		await advance(page, 'Advance 4 hours');

		await openApp(page, '/settings/storefront');
		await page.getByRole('button', { name: 'Sync now' }).click();
		const lastSync = page.getByTestId('last-sync');
		await expect
			.poll(async () => (await lastSync.textContent()) ?? '', { timeout: 30_000 })
			.toMatch(/Last sync: \d\d:\d\d, [1-9]\d* new orders?/);

		const number = await dropShipAShopifyOrder(page);

		// A day on, the distributor has shipped; the tracking round tells the shop.
		await advance(page, 'Advance 1 day');
		await openApp(page, '/');
		await page.getByRole('button', { name: 'Refresh tracking' }).click();
		await openApp(page, '/orders');
		await page.getByRole('link', { name: `#${number}`, exact: true }).click();
		const told = page
			.getByRole('region', { name: 'Shopify' })
			.getByText(/Shopify told: fulfilled, /);
		await expect
			.poll(
				async () => {
					// The card reads its pushes as the page opens and the push may be on its way: give it
					// time before moving the clock again (advancing reloads the page mid-push).
					if ((await told.count()) === 0) await told.waitFor({ timeout: 15_000 }).catch(() => {});
					if ((await told.count()) === 0) {
						console.log(
							'store card:',
							await page.getByRole('region', { name: 'Shopify' }).textContent()
						);
						await advance(page, 'Advance 1 day');
						await openApp(page, '/');
						await page.getByRole('button', { name: 'Refresh tracking' }).click();
						await openApp(page, '/orders');
						await page.getByRole('link', { name: `#${number}`, exact: true }).click();
						await page.getByRole('heading', { name: 'Items' }).waitFor();
					}
					return told.count();
				},
				{ timeout: 150_000, interval: 1_000 }
			)
			.toBe(1);
		const tracking = ((await told.textContent()) ?? '').trim().split(' ').pop() ?? '';
		expect(tracking).toMatch(/^[0-9A-Z]{8,}$/);

		await openApp(page, '/settings/data');
		const shop = page.getByRole('region', { name: 'Simulated Shopify shop' });
		const row = shop.getByRole('row').filter({ hasText: `#${number}` });
		await expect.poll(async () => (await row.textContent()) ?? '').toContain(tracking);
		expect(await row.textContent()).toContain('buyer emailed');
	}, 300_000);
});
