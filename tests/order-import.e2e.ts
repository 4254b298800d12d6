import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, type Session } from './support/chromium';

/** A dealer imports the storefront's order export, twice by mistake. */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	expect(session.errors).toEqual([]);
	await session.close();
});

describe('order import', () => {
	it('imports a Shopify export, lists the bad rows by line, and a second import adds nothing', async () => {
		const { page } = session;
		await openApp(page, '/orders');
		const file = 'src/lib/imports/fixtures/shopify-orders.csv';
		await page.getByLabel('Import orders (CSV or JSON)').setInputFiles(file);
		await page.getByText('2 new orders imported, 2 not imported (see below).').waitFor();
		expect(await page.getByText('Line 8 (order 2044)').textContent()).toContain(
			"quantity 'one' is not a whole number"
		);
		await page.getByRole('link', { name: /2041/ }).first().waitFor();

		await page.getByLabel('Import orders (CSV or JSON)').setInputFiles(file);
		await page
			.getByText('0 new orders imported, 2 already here, 2 not imported (see below).')
			.waitFor();
	});
});
