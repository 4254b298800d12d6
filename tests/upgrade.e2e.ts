import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * reliability.md §8 case 24 in a real browser: a newer Dropship Desk opens the database in another
 * tab while this one is open. This tab must let go of the database (or the upgrade would wait for
 * ever) and ask the dealer to reload, not go on with code written for the old schema.
 */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	await session.close();
});

describe('an upgrade in another tab', () => {
	it('is not blocked by this tab, which asks for a reload', async () => {
		const { page } = session;
		await openApp(page, '/orders');
		await page.locator('main tbody tr').first().waitFor();

		// The "newer version": a connection of its own opens the database one version up, as a
		// newer build in another tab would (the request reaches this tab's page and worker alike).
		const upgraded = await page.evaluate(
			() =>
				new Promise<{ from: number; to: number }>((resolve, reject) => {
					const probe = indexedDB.open('dropship-desk');
					probe.onsuccess = () => {
						const current = probe.result.version;
						probe.result.close();
						const open = indexedDB.open('dropship-desk', current + 1);
						open.onupgradeneeded = (event) =>
							resolve({ from: event.oldVersion, to: event.newVersion ?? 0 });
						open.onerror = () => reject(open.error);
					};
				})
		);
		// The upgrade ran: this tab (page and worker) let go of the database when asked.
		expect(upgraded.to).toBe(upgraded.from + 1);

		const notice = page.getByRole('alert').filter({ hasText: 'updated in another tab' });
		await notice.waitFor({ timeout: 10_000 });
		await notice.getByRole('button', { name: 'Reload' }).waitFor();
		expect(session.errors).toEqual([]);
	});
});
