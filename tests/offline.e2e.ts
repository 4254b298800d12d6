import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, waitForReady, type Session } from './support/chromium';
import { accessibilityProblems } from './pages/accessibility';
import { poStateOnDisk, simulatorOrdersFor } from './support/idb';

/** The shop counter's connection drops: the app still opens, with the orders and POs it holds. */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	await session.close();
});

describe('offline', () => {
	it('a shop network with no way out: the browser says online, the app says Offline', async () => {
		const { page, context } = session;
		// What Debian's Chromium 150 does after a reload under offline emulation, and what any
		// browser does on a LAN whose internet is down: navigator.onLine stays true.
		await context.addInitScript(() =>
			Object.defineProperty(Navigator.prototype, 'onLine', { get: () => true })
		);
		await openApp(page, '/orders');
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.reload();
		await page.waitForSelector('html[data-ready="true"]');
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
			.toBe(true);

		await context.setOffline(true);
		await page.reload();
		await page.waitForSelector('html[data-ready="true"]');
		expect(await page.evaluate(() => navigator.onLine)).toBe(true);
		await page.getByText('Offline.').waitFor();
		// The network comes back with no event at all: the app looks again by itself.
		await context.setOffline(false);
		await page.getByText('Offline.').waitFor({ state: 'detached', timeout: 15_000 });
		expect(
			session.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))
		).toEqual([]);
	});

	it('reopens with no network from the service worker and shows the orders from IndexedDB', async () => {
		const { page, context } = session;
		await openApp(page, '/orders');
		await page.locator('main a[href^="/orders/"]').first().waitFor();
		// The service worker installs on the first visit and controls the page from the next one.
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.reload();
		await waitForReady(page);
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
			.toBe(true);

		await context.setOffline(true);
		await page.reload();
		await waitForReady(page);
		await page.getByText('Offline.').waitFor();
		await expect.poll(() => page.locator('main a[href^="/orders/"]').count()).toBeGreaterThan(5);
		await context.setOffline(false);
		// Nothing the dealer would notice went wrong: only the browser's own offline fetch notes.
		expect(
			session.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))
		).toEqual([]);
	});
});

/**
 * Opens an order with an item that qualifies, drops the network, and drop-ships it: the dialog
 * says the PO is saved and waits. Returns its PO number.
 */
async function dropshipOffline(session: Session): Promise<string> {
	const { page, context } = session;
	await openApp(page, '/orders?qualify=1');
	await page.locator('main a[href^="/orders/"]').first().click();
	await page.getByRole('heading', { name: 'Items' }).waitFor();
	await expect.poll(() => page.getByText('Checking your feeds…').count()).toBe(0);
	const dropship = page.getByRole('button', { name: /^Dropship / }).first();
	await dropship.waitFor();
	// Later screens come from the service worker's cache while the network is gone.
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);

	await context.setOffline(true);
	await page.getByText('Offline.').waitFor();
	await dropship.click();
	const dialog = page.getByRole('dialog');
	await expect.poll(() => dialog.getByLabel('PO number').inputValue()).not.toBe('');
	const poNumber = await dialog.getByLabel('PO number').inputValue();
	await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
	await dialog.getByText(`PO ${poNumber} is saved. Waiting for the network`).waitFor();
	await dialog.waitFor({ state: 'detached' });
	return poNumber;
}

describe('drop-shipping while offline', () => {
	it('waits for the network, then places the PO by itself, exactly once', async () => {
		const { page, context } = session;
		const poNumber = await dropshipOffline(session);

		const waiting = page
			.getByRole('status')
			.filter({ hasText: `PO ${poNumber}: Waiting for the network — will be placed when` });
		await waiting.waitFor();
		const poRow = page
			.getByRole('table', { name: 'Purchase orders of this order' })
			.getByRole('row')
			.filter({ hasText: poNumber });
		await expect.poll(async () => (await poRow.textContent()) ?? '').toContain('Queued');
		expect(await accessibilityProblems(page)).toEqual([]);
		expect(await simulatorOrdersFor(page, poNumber)).toBe(0);

		await context.setOffline(false);
		await expect
			.poll(async () => (await poRow.textContent()) ?? '', { timeout: 20_000 })
			.toMatch(/Submitted|Confirmed/);
		await expect.poll(() => waiting.count()).toBe(0);
		await expect.poll(() => simulatorOrdersFor(page, poNumber)).toBe(1);

		// The PO's own record of calls: the order went out in one request.
		await poRow.getByRole('link', { name: poNumber }).click();
		await page.getByRole('heading', { name: `PO ${poNumber}` }).waitFor();
		const orderCalls = page
			.getByRole('region', { name: 'Calls to the distributor' })
			.locator('tbody tr')
			.filter({ has: page.getByRole('cell', { name: /^placeOrder(\.submit)?$/ }) });
		await expect.poll(() => orderCalls.count()).toBe(1);
		// Its history keeps that it waited; nothing says it still does.
		await page
			.getByRole('region', { name: 'History' })
			.getByText('Waiting for the network', { exact: true })
			.waitFor();
		expect(await page.getByText("will be placed when you're back online").count()).toBe(0);
		expect(await simulatorOrdersFor(page, poNumber)).toBe(1);
		expect(
			session.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))
		).toEqual([]);
	});

	it('the dealer cancels a waiting PO: nothing is sent when the network returns', async () => {
		const { page, context } = session;
		const poNumber = await dropshipOffline(session);
		const poRow = page
			.getByRole('table', { name: 'Purchase orders of this order' })
			.getByRole('row')
			.filter({ hasText: poNumber });
		await poRow.getByRole('link', { name: poNumber }).click();
		await page.getByRole('heading', { name: `PO ${poNumber}` }).waitFor();
		await page
			.getByRole('status')
			.filter({ hasText: `PO ${poNumber}: Waiting for the network` })
			.waitFor();
		await page.getByRole('button', { name: 'Cancel this PO' }).click();
		await page.getByText('Cancelled before it was sent; the items are open again.').waitFor();
		await expect
			.poll(async () => (await page.locator('.meta').textContent()) ?? '')
			.toContain('Cancelled');

		await context.setOffline(false);
		await page.getByText('Offline.').waitFor({ state: 'detached' });
		// The item is open again (its Dropship button is back) and the simulator never got the PO.
		await page.getByRole('link', { name: /^Order #/ }).click();
		await page.getByRole('heading', { name: 'Items' }).waitFor();
		await page
			.getByRole('button', { name: /^Dropship / })
			.first()
			.waitFor();
		expect(await simulatorOrdersFor(page, poNumber)).toBe(0);
		expect(
			session.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))
		).toEqual([]);
	});

	it('§8 case 19: the tab dies after the PO was saved and before it was sent; the next start sends it once', async () => {
		const profileDir = mkdtempSync(join(tmpdir(), 'dd-crash-'));
		const first = await openSession({ profileDir });
		let poNumber = '';
		try {
			poNumber = await dropshipOffline(first);
			expect(await poStateOnDisk(first.page, poNumber)).toBe('queued');
		} finally {
			await first.context.close();
		}
		// The same browser profile, opened again with the network back.
		const reopened = await openSession({ profileDir });
		try {
			await openApp(reopened.page, '/');
			await expect
				.poll(() => poStateOnDisk(reopened.page, poNumber), { timeout: 30_000 })
				.toMatch(/^(submitted|confirmed)$/);
			expect(await simulatorOrdersFor(reopened.page, poNumber)).toBe(1);
			expect(reopened.errors).toEqual([]);
		} finally {
			await reopened.close();
			rmSync(profileDir, { recursive: true, force: true });
		}
	});
});
