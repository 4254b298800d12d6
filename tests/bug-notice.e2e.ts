import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * When the app itself breaks (a bug, not the dealer's input or a distributor's answer), the dealer
 * is told so, and nothing stays "busy" for good. The bug is made real: the worker's IndexedDB is
 * broken from the test, so the Dropship call throws inside the worker.
 */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	await session.close();
});

describe('a bug in the worker', () => {
	it('shows the bug notice, and the Dropship dialog does not stay on "placing"', async () => {
		const { page } = session;
		await openApp(page, '/orders');
		await page.locator('main a[href^="/orders/"]').first().click();
		await page.getByRole('button', { name: 'Record manual drop-ship' }).first().waitFor();
		await expect.poll(() => page.getByText('Checking your feeds…').count()).toBe(0);
		await page
			.getByRole('button', { name: /^Dropship / })
			.first()
			.click();
		const dialog = page.getByRole('dialog');
		const confirm = dialog.getByRole('button', { name: 'Confirm and place order' });
		await expect.poll(() => confirm.isEnabled()).toBe(true);

		const worker = page.workers()[0];
		if (!worker) throw new Error('the app worker is not running');
		await worker.evaluate(() => {
			const broken = () => {
				throw new TypeError('IndexedDB broken by the test');
			};
			IDBObjectStore.prototype.add = broken;
			IDBObjectStore.prototype.put = broken;
		});

		await confirm.click();
		await page
			.getByRole('alert')
			.filter({ hasText: 'Something went wrong inside Dropship Desk' })
			.waitFor();
		await dialog.getByText(/Reload the page and try again/).waitFor();
		expect(await dialog.getByText('Checking live stock and placing the order…').count()).toBe(0);
		expect(await confirm.isEnabled()).toBe(true);
		// Logged once for whoever opens the console; nothing else went wrong.
		expect(session.errors.filter((e) => !/Dropship Desk bug|IndexedDB broken/.test(e))).toEqual([]);
	});
});
