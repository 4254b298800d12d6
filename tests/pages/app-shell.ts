import type { Page } from 'playwright-core';

/** What every screen has: the main navigation and one h1. */
export class AppShell {
	constructor(readonly page: Page) {}

	nav() {
		return this.page.getByRole('navigation', { name: 'Main' });
	}

	async go(link: string): Promise<void> {
		await this.nav().getByRole('link', { name: link, exact: true }).click();
	}

	heading(name?: string | RegExp) {
		return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
	}

	/** Waits for the page's h1, as a dealer waits for the screen to show. */
	async waitForHeading(name: string | RegExp): Promise<void> {
		await this.heading(name).waitFor({ state: 'visible' });
	}
}
