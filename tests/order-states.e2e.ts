import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OrderPage } from './pages/order-page';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * A new dealer imports the shop's order export as it really is: a cancelled order, one already
 * fulfilled, one not paid yet, one with a gift card beside a part, one to Canada. Only what should
 * ship offers Dropship; everything else says why.
 */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	expect(session.errors).toEqual([]);
	await session.close();
});

const FIXTURE = 'src/lib/imports/fixtures/shopify-orders-states.csv';

/** Opens an order from the Orders list, and waits until every item's offers have been judged. */
async function openOrder(page: Page, number: string): Promise<OrderPage> {
	await openApp(page, '/orders');
	await page
		.getByRole('link', { name: new RegExp(`#?${number}\\b`) })
		.first()
		.click();
	await page.getByRole('heading', { name: `Order #${number}` }).waitFor();
	await page.getByRole('heading', { name: 'Items' }).waitFor();
	await expect.poll(() => page.getByText('Checking your feeds…').count()).toBe(0);
	return new OrderPage(page);
}

const dropshipButtons = (page: Page) => page.getByRole('button', { name: /^Dropship / });

describe('only what should ship offers Dropship', () => {
	it('after importing a real export, only the paid, open, shippable US items show Dropship', async () => {
		const { page } = session;
		await openApp(page, '/orders');
		await page.getByLabel('Import orders (CSV or JSON)').setInputFiles(FIXTURE);
		await page
			.getByText(
				'6 orders read: 3 ready to drop-ship, 1 cancelled in the store, 1 already fulfilled, 1 waiting for payment. 6 new.'
			)
			.waitFor();
		const report = page.getByRole('list', { name: 'Orders read' });
		expect(await report.getByText('Line 3 · order 3002').textContent()).toMatch(
			/Cancelled in the store on Dec \d/
		);

		// The paid, open order to Boston (its ZIP came as '02108) offers Dropship.
		let order = await openOrder(page, '3001');
		await dropshipButtons(page).first().waitFor();
		expect(await dropshipButtons(page).count()).toBe(1);
		await page.getByText('02108').waitFor();

		// Cancelled, fulfilled, unpaid: no Dropship, the reason in words.
		for (const [number, reason] of [
			['3002', /Not drop-shippable: Cancelled in the store on Dec \d\./],
			['3003', /Not drop-shippable: Already fulfilled in the store\./],
			['3004', /Not drop-shippable: Payment pending in the store\./]
		] as const) {
			order = await openOrder(page, number);
			await order.items().first().getByText(reason).waitFor();
			expect(await dropshipButtons(page).count()).toBe(0);
		}

		// The part ships; the gift card beside it is shown but never drop-shipped.
		order = await openOrder(page, '3005');
		await dropshipButtons(page).first().waitFor();
		expect(await dropshipButtons(page).count()).toBe(1);
		const gift = order.items().filter({ hasText: 'Gift Card $50' });
		await gift.getByText('Does not ship', { exact: true }).waitFor();
		await gift.getByText(/Not drop-shippable: Does not ship \(gift card/).waitFor();
		expect(await gift.getByRole('button', { name: 'Record manual drop-ship' }).count()).toBe(0);

		// Canada: kept as it came, and no distributor is known to ship there.
		order = await openOrder(page, '3006');
		await page.getByText('M5V 3L9').waitFor();
		await page.getByText(/Ships to Canada: not known for any distributor/).waitFor();
		await order
			.items()
			.first()
			.getByText(/Not drop-shippable: not known whether .* drop-ships to Canada/)
			.waitFor();
		expect(await dropshipButtons(page).count()).toBe(0);
	});
});
