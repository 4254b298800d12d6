import type { Page } from 'playwright-core';

/** One order: buyer, ship-to, its items and purchase orders. */
export class OrderPage {
	constructor(readonly page: Page) {}

	items() {
		return this.page.getByRole('table', { name: /items of this order/ }).locator('tbody tr');
	}

	buyer() {
		return this.page.getByRole('region', { name: 'Buyer' });
	}
}
