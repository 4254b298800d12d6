import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, waitForReady, type Session } from './support/chromium';

/** A dealer opens Dropship Desk for the first time, sees the demo shop, and comes back to it. */
let session: Session;

beforeEach(async () => {
	// A browser that has never opened the app: this spec is about the first start.
	session = await openSession({ fresh: true });
});

afterEach(async () => {
	await session.close();
});

describe('first start', () => {
	it('opens on the demo dealer with its orders, keeps them across a reload, with no console error', async () => {
		const { page } = session;
		await openApp(page, '/');
		await expect
			.poll(() => page.getByText('Demo mode', { exact: true }).count())
			.toBeGreaterThan(0);
		const orderLinks = page.locator('main a[href^="/orders/"]');
		await expect.poll(() => orderLinks.count()).toBeGreaterThan(5);
		const before = await orderLinks.allTextContents();

		await page.reload();
		await waitForReady(page);
		await expect.poll(() => orderLinks.count()).toBe(before.length);
		expect(await orderLinks.allTextContents()).toEqual(before);
		expect(session.errors).toEqual([]);
	});
});
