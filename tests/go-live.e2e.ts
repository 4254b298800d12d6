import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialogPoNumber } from './pages/order-page';
import type { Page } from 'playwright-core';
import type { Offer } from '../src/lib/domain/catalog';
import { openApp, openSession, waitForReady, baseUrl, type Session } from './support/chromium';
import { answerLiveWithSimulator } from './support/live-simulator';

/**
 * A dealer's first real day: a fresh browser chooses *Set up my shop*, fills the profile (PO
 * prefix ACME), connects WPS, fetches its catalog, imports the web store's orders and drop-ships
 * an item, the live transport answered by the simulator in this test. The demo's database is
 * never touched, nothing of the demo is in the shop's, and each keeps its own data across switches.
 */
const OFFERS: Offer[] = [
	{
		distributorId: 'wps',
		sku: '87-4410',
		brand: 'Pro Taper',
		mpn: 'PT-024604',
		description: 'Pillow Top grips, black',
		costCents: 1295,
		msrpCents: 2499,
		stock: { ID: 14, PA: 3 }
	},
	{
		distributorId: 'wps',
		sku: '87-4411',
		brand: 'Pro Taper',
		mpn: 'PT-024605',
		description: 'Pillow Top grips, red',
		costCents: 1295,
		msrpCents: 2499,
		stock: { ID: 6 }
	}
];

const HEADER =
	'Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Vendor,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Total';
const ORDERS_CSV = [
	HEADER,
	'#5001,buyer@example.com,paid,2026-12-04 10:12:40 -0700,1,"Pro Taper Pillow Top grips, black",24.99,WP87-4410,Pro Taper,Casey Buyer,12 Canyon Rd,Boise,83702,ID,US,208-555-0199,34.94'
].join('\r\n');

/** Every database this browser holds, by name. */
const databaseNames = (page: Page) =>
	page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());

/** All rows of every store of one database, read with plain IndexedDB. */
const dumpDatabase = (page: Page, name: string) =>
	page.evaluate(
		(db) =>
			new Promise<Record<string, unknown[]>>((resolve, reject) => {
				const open = indexedDB.open(db);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const conn = open.result;
					const names = [...conn.objectStoreNames];
					const tx = conn.transaction(names, 'readonly');
					const out: Record<string, unknown[]> = {};
					for (const store of names) {
						const req = tx.objectStore(store).getAll();
						req.onsuccess = () => (out[store] = req.result);
					}
					tx.oncomplete = () => {
						conn.close();
						resolve(out);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		name
	);

let session: Session;

beforeEach(async () => {
	// A browser that has never opened the app: this spec is about the first start.
	session = await openSession({ fresh: true });
});

afterEach(async () => {
	if (session.errors.length) console.log('ERRORS', session.errors.slice(0, 5));
	expect(session.errors).toEqual([]);
	await session.close();
});

describe('going live', () => {
	it('sets up a shop, drop-ships with PO prefix ACME, and keeps the demo and the shop apart', async () => {
		const { page, context } = session;
		const sim = await answerLiveWithSimulator(context, OFFERS);

		// 1. A fresh browser: the choice, then the setup.
		await page.goto(baseUrl());
		await waitForReady(page, { firstStart: 'none' });
		await page.getByRole('button', { name: 'Set up my shop' }).click();
		await page.getByRole('heading', { level: 1, name: 'Set up your shop' }).waitFor();
		await page.waitForSelector('html[data-ready="true"]');
		expect(await page.locator('header').first().textContent()).toContain('Your shop');

		// 2. The profile: the demo's prefix is refused in words, ACME is taken.
		const profile = page.getByRole('form', { name: 'Shop profile' });
		await profile.getByLabel('Shop name').fill('Acme Powersports');
		await profile.getByLabel('PO prefix').fill('RL');
		await profile.getByLabel('Reply-to for buyer emails').fill('parts@acme-powersports.com');
		await profile.getByRole('button', { name: 'Save and continue' }).click();
		await profile.getByText("RL is the demo dealer's PO prefix; choose your own.").waitFor();
		await profile.getByLabel('PO prefix').fill('acme');
		await profile.getByText('ACME000001').waitFor();
		await profile.getByRole('button', { name: 'Save and continue' }).click();

		// 3. The WPS account, saved and tested against the simulator.
		await page.getByRole('heading', { name: /Step 2 of 5/ }).waitFor();
		const wps = page.getByRole('form', { name: 'Western Power Sports credentials' });
		await wps.getByLabel('API token', { exact: true }).fill('test-acme-wps-token-2041');
		await wps.getByRole('button', { name: 'Save' }).click();
		await wps.getByRole('status').getByText(/saved/i).waitFor();
		const card = page.getByRole('region', { name: /Western Power Sports/ });
		await card.getByRole('button', { name: 'Test connection' }).click();
		await card.getByText('Western Power Sports accepted the credentials.').waitFor();
		await page.getByRole('button', { name: 'Next' }).click();

		// 4. The first feed: WPS's items from its API.
		await page.getByRole('heading', { name: /Step 3 of 5/ }).waitFor();
		await page.getByRole('link', { name: 'Import a feed' }).click();
		await page.getByLabel('Layout').selectOption({ label: 'WPS items and inventory (CSV)' });
		await page.getByRole('button', { name: 'Fetch from the WPS API instead' }).click();
		await expect
			.poll(() => page.evaluate(async () => document.body.textContent ?? ''), { timeout: 30_000 })
			.toMatch(/2 parts|2 offers|2 rows|Imported 2/i);

		// 5. The web store's orders, then email skipped: 4 of 5 set up.
		await page.goto(new URL('/setup?step=4', baseUrl()).toString());
		await page.waitForSelector('html[data-ready="true"]');
		await page.locator('input[type=file]').setInputFiles({
			name: 'orders_export.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(ORDERS_CSV)
		});
		await page.getByText(/read: 1 ready to drop-ship\. 1 new\./).waitFor();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('heading', { name: /Step 5 of 5/ }).waitFor();
		await page.getByRole('button', { name: 'Skip for now' }).click();
		await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
		await page.getByText('Setting up your shop: 4 of 5 set up').waitFor();

		// 6. Drop-ship the item: the PO number starts with ACME and WPS (simulated) has it once.
		await openApp(page, '/orders');
		await page.getByRole('link', { name: /5001/ }).first().click();
		await page.getByRole('heading', { name: 'Items' }).waitFor();
		await page
			.getByRole('button', { name: /^Dropship / })
			.first()
			.click();
		const dialog = page.getByRole('dialog');
		const poNumber = await dialogPoNumber(dialog);
		expect(poNumber).toMatch(/^ACME\d{6}$/);
		await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
		await page.getByText(`Placed with Western Power Sports as PO ${poNumber}.`).waitFor();
		expect(sim.countOrders('wps', poNumber)).toBe(1);

		// 7. The demo's database was never opened; the shop holds nothing of the demo.
		expect(await databaseNames(page)).toEqual(['dropship-desk-shop']);
		const shop = await dumpDatabase(page, 'dropship-desk-shop');
		const text = JSON.stringify(shop);
		expect(text).not.toMatch(/ridgeline|Ridge Line|"RL\d{6}"|Demo feed|"source":"demo"/);
		expect(shop.orders?.length).toBe(1);
		expect(shop.distributors?.map((a) => (a as { id: string }).id)).toEqual(['wps']);

		// 8. To the demo and back: each shows its own data, and the shop's is as it was.
		await openApp(page, '/settings/data');
		await page.getByRole('button', { name: 'Open the demo' }).click();
		await page.waitForSelector('html[data-ready="true"]');
		await page.getByRole('complementary', { name: 'Demo mode' }).waitFor();
		await openApp(page, '/orders');
		await expect.poll(() => page.locator('main a[href^="/orders/"]').count()).toBeGreaterThan(5);
		expect(await page.locator('main').textContent()).not.toContain('5001');
		expect(await page.locator('header').first().textContent()).toContain('Ridge Line Powersports');

		await openApp(page, '/settings/data');
		await page.getByRole('button', { name: 'Open my shop' }).click();
		await page.waitForSelector('html[data-ready="true"]');
		await openApp(page, '/orders');
		await expect.poll(() => page.locator('main a[href^="/orders/"]').count()).toBe(1);
		expect(await page.locator('main').textContent()).toContain('5001');
		expect(await page.getByRole('complementary', { name: 'Demo mode' }).count()).toBe(0);
		const after = await dumpDatabase(page, 'dropship-desk-shop');
		expect(after.orders).toEqual(shop.orders);
		expect(after.purchaseOrders).toEqual(shop.purchaseOrders);
	});
});
