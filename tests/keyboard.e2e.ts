import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * Runs one step of a spec; a step that fails says which it was and what the page showed then
 * (focus, the open dialog, alerts), for a failure seen once in a while on a loaded machine.
 */
async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (cause) {
		const shown = await page
			.evaluate(() => ({
				path: location.pathname,
				focus:
					document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
				dialog: document.querySelector('dialog[open]')?.textContent?.replace(/\s+/g, ' ').trim(),
				alerts: [...document.querySelectorAll('[role=alert]')].map((a) => a.textContent?.trim())
			}))
			.catch((error: unknown) => String(error));
		throw new Error(`${name}: ${String(cause)}\nThe page then: ${JSON.stringify(shown)}`, {
			cause
		});
	}
}

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
		await step(page, 'Enter opens the dialog', () => dialog.waitFor());
		await page.keyboard.press('Escape');
		await step(page, 'Escape closes it', () => dialog.waitFor({ state: 'detached' }));
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
			label
		);

		await page.keyboard.press('Enter');
		await step(page, 'Enter opens it again', () => dialog.waitFor());
		const confirm = dialog.getByRole('button', { name: 'Confirm and place order' });
		await step(page, 'Confirm has focus', async () => {
			await confirm.focus();
			expect(await confirm.evaluate((button) => button === document.activeElement)).toBe(true);
		});
		await page.keyboard.press('Enter');
		await step(page, 'Enter on Confirm places the PO', () =>
			page.getByText(/Placed with .* as PO /).waitFor()
		);
	});
});
