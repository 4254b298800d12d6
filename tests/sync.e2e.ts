import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialogPoNumber } from './pages/order-page';
import type { Page } from 'playwright-core';
import { startLocalCouch, type LocalCouch } from '../src/lib/proxy/local-couch';
import { syncStatus, turnOnSync } from './pages/sync-card';
import { baseUrl, openApp, openSession, type Session } from './support/chromium';

/**
 * The counter PC and the owner's laptop: two browser profiles (two Chromium user-data
 * directories, each its own IndexedDB) trying sync in the demo through the local server that
 * `npm run couch` starts. A PO placed on one shows on the other.
 */
let couch: LocalCouch;
let counter: Session;
let laptop: Session;

beforeEach(async () => {
	couch = await startLocalCouch({ origins: [new URL(baseUrl()).origin], dbName: 'shop' });
	counter = await openSession();
	laptop = await openSession();
});

afterEach(async () => {
	for (const session of [counter, laptop]) {
		if (session.errors.length) console.log('ERRORS', session.errors.slice(0, 5));
		await session.close();
	}
	await couch.close();
	expect([...counter.errors, ...laptop.errors]).toEqual([]);
});

/** Walks the orders until an item can be drop-shipped, places it, and returns its PO number. */
async function dropShipAnItem(page: Page): Promise<string> {
	await openApp(page, '/orders');
	const links = page.getByRole('table', { name: /Orders matching/ }).locator('a[href^="/orders/"]');
	await links.first().waitFor();
	for (let n = 0; n < (await links.count()); n++) {
		await links.nth(n).click();
		await page.getByRole('heading', { name: 'Items' }).waitFor();
		await page.getByRole('button', { name: 'Record manual drop-ship' }).first().waitFor();
		await expect.poll(() => page.getByText('Checking your feeds…').count()).toBe(0);
		const buttons = page.getByRole('button', { name: /^Dropship / });
		if ((await buttons.count()) > 0) {
			await buttons.first().click();
			const dialog = page.getByRole('dialog');
			const poNumber = await dialogPoNumber(dialog);
			await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
			await page.getByText(new RegExp(`as PO ${poNumber}\\.`)).waitFor();
			return poNumber;
		}
		await page.getByRole('link', { name: '← All orders' }).click();
		await links.first().waitFor();
	}
	throw new Error('No demo order has an item to drop-ship');
}

describe('two devices of one shop, synced through a CouchDB-protocol server', () => {
	it('a PO placed on the counter PC shows on the laptop', { timeout: 180_000 }, async () => {
		for (const [session, letter] of [
			[counter, 'A'],
			[laptop, 'B']
		] as const) {
			await openApp(session.page, '/settings/data');
			await turnOnSync(session.page, couch, letter);
		}
		const poNumber = await dropShipAnItem(counter.page);
		// The device letter is in the number: the laptop could never make the same one.
		expect(poNumber).toMatch(/A\d+$/);

		// It travelled through the server, written there by the counter PC (live replication sends
		// in batches, beside the first push of the whole demo shop, so this may take seconds).
		await expect
			.poll(
				async () => {
					const all = await fetch(new URL('shop/_all_docs?include_docs=true', couch.url));
					const { rows } = (await all.json()) as {
						rows: { doc: { row?: { poNumber?: string }; device?: string } }[];
					};
					return rows.filter((r) => r.doc.row?.poNumber === poNumber).map((r) => r.doc.device);
				},
				{ timeout: 30_000, interval: 500 }
			)
			.toEqual(['A']);

		const { page } = laptop;
		await expect
			.poll(
				async () => {
					await openApp(page, '/purchase-orders');
					await page.getByLabel('Search').fill(poNumber);
					return page.getByRole('link', { name: poNumber }).count();
				},
				{ timeout: 90_000, interval: 2_000 }
			)
			.toBe(1);
		await page.getByRole('link', { name: poNumber }).click();
		await page.getByRole('heading', { name: `PO ${poNumber}` }).waitFor();
		await openApp(page, '/settings/data');
		await expect
			.poll(async () => syncStatus(page).textContent(), { timeout: 30_000 })
			.toMatch(/^In sync/);
	});
});
