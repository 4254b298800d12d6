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
		await page
			.getByText('4 orders read: 2 ready to drop-ship, 2 not imported (see below). 2 new.')
			.waitFor();
		expect(await page.getByText('Line 8 (order 2044)').textContent()).toContain(
			"quantity 'one' is not a whole number"
		);
		await page.getByRole('link', { name: /2041/ }).first().waitFor();

		await page.getByLabel('Import orders (CSV or JSON)').setInputFiles(file);
		await page
			.getByText(
				'4 orders read: 2 ready to drop-ship, 2 not imported (see below). 2 already here, unchanged.'
			)
			.waitFor();
	});
});

describe('new order by hand', () => {
	it('saves a typed order and refuses a bad ZIP by naming the field', async () => {
		const { page } = session;
		await openApp(page, '/orders');
		await page.getByRole('button', { name: 'New order' }).click();
		const dialog = page.getByRole('dialog', { name: 'New order' });
		await dialog.getByLabel('Order number').fill('PHONE-77');
		await dialog.getByLabel('Buyer name').fill('Marcus Green');
		await dialog.getByLabel('Buyer email').fill('marcus@example.com');
		await dialog.getByLabel('Address', { exact: true }).fill('55 Trinity Ave SW');
		await dialog.getByLabel('City').fill('Atlanta');
		await dialog.getByLabel('State').fill('GA');
		await dialog.getByLabel('ZIP').fill('3030');
		await dialog.getByLabel('Title').fill('Renthal Grips Half Waffle');
		await dialog.getByLabel('SKU or MPN').fill('REN-110-0001');
		await dialog.getByLabel('Price').fill('$18.95');
		await dialog.getByRole('button', { name: 'Save order' }).click();
		await dialog.getByText(/ZIP code/).waitFor();
		await dialog.getByLabel('ZIP').fill('30303');
		await dialog.getByRole('button', { name: 'Save order' }).click();
		await dialog.waitFor({ state: 'detached' });
		await page
			.getByRole('link', { name: /PHONE-77/ })
			.first()
			.waitFor();
	});
});
