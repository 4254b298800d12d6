import type { Locator, Page } from 'playwright-core';

/**
 * Waits until every distributor's card on the Catalog page says its feed is from today (the
 * morning fetch done and imported); returns the cards' list.
 */
export async function waitForTodaysFeeds(page: Page, timeout: number): Promise<Locator> {
	const cards = page.getByRole('list', { name: 'Feeds' });
	for (const name of ['WPS', 'Parts Unlimited', 'Tucker Rocky', 'Automatic']) {
		await cards
			.getByRole('listitem')
			.filter({ hasText: new RegExp(`^${name}\\s*today \\d\\d:\\d\\d`) })
			.waitFor({ timeout });
	}
	return cards;
}
