import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displaySku } from '$lib/domain/distributor';
import { syntheticPuBaseCsv } from '$lib/feeds/synthetic';
import { demoOffers } from '$lib/mocks/demo-data';
import type { Page } from 'playwright-core';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * The dealer uploads this morning's Parts Unlimited price file, watches it import, and finds a
 * part that WPS carries too: both offers side by side.
 */
let session: Session;
let dir: string;

beforeEach(async () => {
	session = await openSession();
	dir = mkdtempSync(join(tmpdir(), 'dd-feed-'));
});

afterEach(async () => {
	await session.close();
	rmSync(dir, { recursive: true, force: true });
});

/** 150,000 generated PU rows plus one part the demo WPS feed carries (same brand and MPN). */
function puFileWithWpsPart(): { path: string; wpsSku: string; mpn: string } {
	const wps = demoOffers().find((o) => o.distributorId === 'wps');
	if (!wps) throw new Error('the demo has no WPS offer');
	const row = [
		'99990001',
		'9999-0001',
		wps.mpn,
		wps.mpn,
		'S',
		`"${wps.description}"`,
		'59.95',
		'54.95',
		'31.20',
		'',
		'',
		'20240101',
		'4',
		'+',
		'0',
		'N/A',
		'2',
		'+',
		'',
		'N',
		'N',
		'EA',
		'',
		wps.brand
	].join(',');
	const path = join(dir, 'BasePriceFile.csv');
	writeFileSync(path, `${syntheticPuBaseCsv(150_000)}${row}\r\n`);
	return { path, wpsSku: wps.sku, mpn: wps.mpn };
}

/** The text of the element that has the keyboard's focus. */
function focusedText(page: Page): Promise<string> {
	return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

describe('catalog', () => {
	it('imports a PU feed by upload with a progress bar, then finds a part at PU and WPS', async () => {
		const { page } = session;
		const feed = puFileWithWpsPart();
		await openApp(page, '/catalog/import');
		await page.getByLabel('Layout').selectOption('pu');
		await page.getByLabel('Feed files', { exact: true }).setInputFiles(feed.path);
		await page.getByRole('button', { name: 'Import', exact: true }).click();

		await page.getByRole('progressbar').waitFor({ state: 'visible' });
		// Import is disabled while it runs: the keyboard's focus moves to Cancel, then to the result.
		await expect.poll(() => focusedText(page)).toBe('Cancel');
		await page.getByText('Imported 150,001 items').waitFor({ timeout: 30_000 });
		await expect.poll(() => focusedText(page)).toMatch(/^Imported 150,001 items/);

		await page.getByRole('link', { name: 'Back to the catalog' }).click();
		await page.getByText(/Parts Unlimited\s*today .*150,001 items/).waitFor();
		await page.getByLabel('Search the catalog').fill(feed.mpn);
		const offers = page.getByRole('table', { name: /Offers for/ }).first();
		await offers.getByRole('rowheader', { name: 'PU9999-0001' }).waitFor();
		await offers.getByRole('rowheader', { name: displaySku('wps', feed.wpsSku) }).waitFor();
		expect(await offers.getByRole('row').count()).toBeGreaterThanOrEqual(3);
		expect(session.errors).toEqual([]);
	});
});
