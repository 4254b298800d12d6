import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, waitForReady, type Session } from './support/chromium';

/** A dealer opens Dropship Desk for the first time, sees the demo shop, and comes back to it. */
describe('first start', () => {
	let session: Session;

	beforeEach(async () => {
		// A browser that has never opened the app: this spec is about the first start.
		session = await openSession({ fresh: true });
	});

	afterEach(async () => {
		await session.close();
	});

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

describe('warm start', () => {
	it("shows the dashboard from the page's own reads while the worker is still loading", async () => {
		const warm = await openSession({ fresh: true, blockServiceWorkers: true });
		try {
			const { page } = warm;
			await openApp(page, '/');
			const orderLinks = page.locator('main a[href^="/orders/"]');
			await expect.poll(() => orderLinks.count()).toBeGreaterThan(5);

			// The worker's script is held back until the test lets it through.
			let release: () => void = () => undefined;
			const released = new Promise<void>((resolve) => (release = resolve));
			let held = 0;
			await page.route('**/_app/immutable/workers/index-*.js', async (route) => {
				held++;
				await released;
				await route.continue();
			});
			await page.reload();
			await expect.poll(() => held).toBe(1);
			await expect.poll(() => orderLinks.count()).toBeGreaterThan(5);
			expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBeUndefined();

			release();
			await waitForReady(page);
			expect(warm.errors).toEqual([]);
		} finally {
			await warm.close();
		}
	});

	it("starts the worker before the app's own code has loaded, and only once", async () => {
		const warm = await openSession({ fresh: true, blockServiceWorkers: true });
		try {
			const { page } = warm;
			await openApp(page, '/');
			// The app's entry is held back: the worker can only be asked for by app.html's early start.
			let release: () => void = () => undefined;
			const released = new Promise<void>((resolve) => (release = resolve));
			let workerRequests = 0;
			page.on('request', (r) => {
				if (/\/_app\/immutable\/workers\/index-[^/]+\.js$/.test(r.url())) workerRequests++;
			});
			await page.route('**/_app/immutable/entry/start.*.js', async (route) => {
				await released;
				await route.continue();
			});
			await page.reload({ waitUntil: 'commit' });
			await expect.poll(() => workerRequests).toBe(1);

			release();
			await waitForReady(page);
			await expect.poll(() => page.locator('main a[href^="/orders/"]').count()).toBeGreaterThan(5);
			expect(workerRequests).toBe(1);
			expect(warm.errors).toEqual([]);
		} finally {
			await warm.close();
		}
	});

	it('starts the right worker when the one remembered is from an older version', async () => {
		const warm = await openSession({ fresh: true, blockServiceWorkers: true });
		try {
			const { page } = warm;
			await openApp(page, '/');
			const current = await page.evaluate(() => localStorage.getItem('dropship-desk:worker-url'));
			expect(current).toMatch(/\/_app\/immutable\/workers\/index-[^/]+\.js$/);
			const old = current?.replace(/index-[^/]+\.js$/, 'index-0ld.js') ?? '';
			await page.evaluate((url) => localStorage.setItem('dropship-desk:worker-url', url), old);
			await page.reload();
			await waitForReady(page);
			await expect.poll(() => page.locator('main a[href^="/orders/"]').count()).toBeGreaterThan(5);
			expect(await page.evaluate(() => localStorage.getItem('dropship-desk:worker-url'))).toBe(
				current
			);
			expect(warm.errors).toEqual([]);
		} finally {
			await warm.close();
		}
	});
});
