import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, type Session } from './support/chromium';

/** The shop counter's connection drops: the app still opens, with the orders and POs it holds. */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	await session.close();
});

describe('offline', () => {
	it('reopens with no network from the service worker and shows the orders from IndexedDB', async () => {
		const { page, context } = session;
		await openApp(page, '/orders');
		await page.locator('main a[href^="/orders/"]').first().waitFor();
		// The service worker installs on the first visit and controls the page from the next one.
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.reload();
		await page.waitForSelector('html[data-ready="true"]');
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
			.toBe(true);

		await context.setOffline(true);
		await page.reload();
		await page.waitForSelector('html[data-ready="true"]');
		await page.getByText('Offline.').waitFor();
		await expect.poll(() => page.locator('main a[href^="/orders/"]').count()).toBeGreaterThan(5);
		await context.setOffline(false);
		// Nothing the dealer would notice went wrong: only the browser's own offline fetch notes.
		expect(
			session.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))
		).toEqual([]);
	});
});
