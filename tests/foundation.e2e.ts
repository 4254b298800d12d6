import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, waitForReady, type Session } from './support/chromium';
import { accessibilityProblems } from './pages/accessibility';
import { AppShell } from './pages/app-shell';
import { OrderPage } from './pages/order-page';
import { OrdersPage } from './pages/orders-page';

/**
 * A dealer's first look round: the demo shop's orders, one order opened and still there after a
 * reload, a filter that survives a reload, and every screen of the navigation showing its data.
 */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	await session.close();
});

describe('the foundation screens', () => {
	it('lists the demo orders, opens one, and keeps it across a reload', async () => {
		const { page } = session;
		const shell = new AppShell(page);
		const orders = new OrdersPage(page);
		await openApp(page, '/');
		await shell.waitForHeading('Dashboard');

		await shell.go('Orders');
		await shell.waitForHeading('Orders');
		await expect.poll(() => orders.rows().count()).toBeGreaterThan(5);
		expect(await orders.count().textContent()).toMatch(/^\s*\d+ orders\s*$/);

		await orders.orderLink('1005').click();
		await shell.waitForHeading('Order #1005');
		const order = new OrderPage(page);
		await expect.poll(() => order.items().count()).toBeGreaterThan(0);
		expect(await accessibilityProblems(page)).toEqual([]);
		expect(await order.buyer().textContent()).toContain('@example.com');
		expect(await page.getByText('No purchase order yet').count()).toBeGreaterThan(0);

		await page.reload();
		await waitForReady(page);
		await shell.waitForHeading('Order #1005');
		await expect.poll(() => order.items().count()).toBeGreaterThan(0);
		expect(session.errors).toEqual([]);
	});

	it('keeps the order filters in the URL, so a reload shows the same list', async () => {
		const { page } = session;
		const shell = new AppShell(page);
		const orders = new OrdersPage(page);
		await openApp(page, '/orders');
		await expect.poll(() => orders.rows().count()).toBeGreaterThan(5);

		await orders.search().fill('1012');
		await expect.poll(() => orders.rows().count()).toBe(1);
		expect(new URL(page.url()).searchParams.get('q')).toBe('1012');

		await page.reload();
		await waitForReady(page);
		await shell.waitForHeading('Orders');
		await expect.poll(() => orders.rows().count()).toBe(1);
		expect(await orders.search().inputValue()).toBe('1012');
		await expect.poll(() => orders.orderLink('1012').count()).toBe(1);

		await page.getByRole('button', { name: 'Clear filters' }).click();
		await expect.poll(() => orders.rows().count()).toBeGreaterThan(5);
		expect(new URL(page.url()).search).toBe('');
		expect(session.errors).toEqual([]);
	});

	it('shows real data on every screen of the navigation', async () => {
		const { page } = session;
		const shell = new AppShell(page);
		await openApp(page, '/');

		await shell.go('Dashboard');
		await shell.waitForHeading('Dashboard');
		await page.getByText(/You average \d+\.\d orders a day/).waitFor();
		await page.getByRole('img', { name: /orders in the last 30 days/ }).waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await shell.go('Orders');
		await shell.waitForHeading('Orders');
		await page
			.getByRole('status')
			.filter({ hasText: /^\s*\d+ orders\s*$/ })
			.waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await shell.go('Purchase orders');
		await shell.waitForHeading('Purchase orders');
		// The demo starts with no POs: the dealer sees the count and what to do next.
		await page
			.getByRole('status')
			.filter({ hasText: /\d+ purchase orders?/ })
			.waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await shell.go('Catalog');
		await shell.waitForHeading(/Catalog/);

		await shell.go('Settings');
		await shell.waitForHeading('Order automation');
		const settings = page.getByRole('navigation', { name: 'Settings' });
		expect(
			await settings.getByRole('link', { name: 'Order automation' }).getAttribute('aria-current')
		).toBe('page');
		for (const name of ['Western Power Sports', 'Parts Unlimited', 'Tucker Rocky']) {
			await page.getByRole('heading', { level: 2, name }).waitFor();
		}
		expect(await page.getByText(/^Saved: ••••••/).count()).toBeGreaterThan(0);

		const wps = page.getByRole('region', { name: 'Western Power Sports' });
		await wps.getByRole('button', { name: 'Test connection' }).click();
		await wps
			.getByRole('status')
			.filter({ hasText: /Connected\.|Not connected\./ })
			.waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await settings.getByRole('link', { name: 'Email' }).click();
		await shell.waitForHeading('Email');
		await page
			.getByText(/No emails yet|\d+ emails?/)
			.first()
			.waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await settings.getByRole('link', { name: 'Data' }).click();
		await shell.waitForHeading('Data');
		await page.getByRole('button', { name: 'Open my shop' }).waitFor();
		await page.getByText(/Distributors’ time: \w+/).waitFor();
		await page.getByText(/of [\d.]+ \w+ available/).waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		expect(session.errors).toEqual([]);
	});

	// Its page is the catalog work's (src/routes/settings/inventory-rules); the link is ours.
	it('reaches Inventory rules from the settings navigation', async () => {
		const { page } = session;
		const shell = new AppShell(page);
		await openApp(page, '/settings/email');
		await shell.waitForHeading('Email');
		const settings = page.getByRole('navigation', { name: 'Settings' });
		await settings.getByRole('link', { name: 'Inventory rules' }).click();
		await shell.waitForHeading(/Inventory rules/);
		expect(
			await settings.getByRole('link', { name: 'Inventory rules' }).getAttribute('aria-current')
		).toBe('page');
		expect(session.errors).toEqual([]);
	});
});

describe('accessibility of the catalog and settings screens', () => {
	it('the Catalog with results, Import, Inventory rules, Email and Data have no axe violations', async () => {
		const { page } = session;
		const shell = new AppShell(page);
		await openApp(page, '/');

		await shell.go('Catalog');
		await shell.waitForHeading('Catalog');
		await page.getByLabel('Search the catalog').fill('brake');
		await page
			.getByRole('table', { name: /Offers for/ })
			.first()
			.waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await page.getByRole('link', { name: 'Import a feed' }).click();
		await shell.waitForHeading('Import a feed');
		await page.getByLabel('Layout').waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await shell.go('Settings');
		const settings = page.getByRole('navigation', { name: 'Settings' });
		await settings.getByRole('link', { name: 'Inventory rules' }).click();
		await shell.waitForHeading('Inventory rules');
		await page.getByRole('button', { name: 'Drop-ship everything' }).waitFor();
		await page.locator('main table tbody tr').first().waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await settings.getByRole('link', { name: 'Email' }).click();
		await shell.waitForHeading('Email');
		await page
			.getByText(/No emails yet|\d+ emails?/)
			.first()
			.waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);

		await settings.getByRole('link', { name: 'Data' }).click();
		await shell.waitForHeading('Data');
		await page.getByText(/of [\d.]+ \w+ available/).waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);
		expect(session.errors).toEqual([]);
	});
});
