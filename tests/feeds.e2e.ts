import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForTodaysFeeds } from './pages/catalog-page';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * The demo dealer opens the app in the morning: yesterday's feeds are replaced by this morning's,
 * each fetched by its own source from the simulated distributors, without a click. The catalog
 * cards say "today", and a distributor's History lists the fetch.
 */
let session: Session;

beforeEach(async () => {
	// A browser that has never opened the app: this spec is about the first start.
	session = await openSession({ fresh: true });
});

afterEach(async () => {
	await session.close();
});

describe('feeds arrive by themselves', () => {
	it('fetches the morning feeds on open; the catalog cards show today’s time', async () => {
		const { page } = session;
		await openApp(page, '/catalog');
		const cards = await waitForTodaysFeeds(page, 30_000);
		expect(await cards.getByText('Older than a day').count()).toBe(0);

		await page.getByRole('link', { name: 'Tucker Rocky' }).click();
		await page.getByRole('heading', { name: 'Tucker Rocky: feed' }).waitFor();
		await expect.poll(() => page.getByLabel('Where the feed comes from').inputValue()).toBe('ftp');
		const history = page.getByRole('table');
		await history.getByRole('cell', { name: 'Imported' }).waitFor();
		await history
			.getByRole('cell', { name: /stock changes$/ })
			.first()
			.waitFor();
		expect(session.errors).toEqual([]);
	});
});
