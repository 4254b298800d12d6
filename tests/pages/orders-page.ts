import type { Page } from 'playwright-core';

/** The Orders list. */
export class OrdersPage {
	constructor(readonly page: Page) {}

	table() {
		return this.page.getByRole('table', { name: /Orders matching/ });
	}

	/** The data rows (the header row left out). */
	rows() {
		return this.table().locator('tbody tr');
	}

	orderLink(number: string) {
		return this.table().getByRole('link', { name: `#${number}`, exact: true });
	}

	search() {
		return this.page.getByRole('searchbox', { name: 'Search' });
	}

	count() {
		return this.page.getByRole('status').filter({ hasText: /orders?$/ });
	}
}
