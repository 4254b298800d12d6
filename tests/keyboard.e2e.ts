import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, type Session } from './support/chromium';

/** A dealer who drop-ships with the keyboard only: Tab, Enter, Escape. */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	expect(session.errors).toEqual([]);
	await session.close();
});

describe('keyboard', () => {
	it('reaches Dropship by Tab, opens the dialog with Enter, closes it with Escape back on the button, and places with Enter', async () => {
		const { page } = session;
		await openApp(page, '/orders');
		await page.locator('main a[href^="/orders/"]').first().click();
		await page.getByRole('button', { name: 'Record manual drop-ship' }).first().waitFor();
		await expect.poll(() => page.getByText('Checking your feeds…').count()).toBe(0);
		const target = page.getByRole('button', { name: /^Dropship / }).first();
		const label = await target.getAttribute('aria-label');

		// Tab from the top of the page until the first Dropship button has focus.
		await page.locator('body').focus();
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === label)
				break;
		}
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
			label
		);

		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog');
		await dialog.waitFor();
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
			label
		);

		await page.keyboard.press('Enter');
		await dialog.waitFor();
		await dialog.getByRole('button', { name: 'Confirm and place order' }).focus();
		await page.keyboard.press('Enter');
		await page.getByText(/Placed with .* as PO /).waitFor();
	});
});
