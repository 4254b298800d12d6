import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordManualDropship, typeTracking, dialogPoNumber } from './pages/order-page';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * The dealer's morning, in the demo: drop-ship an item (swapping to the second distributor),
 * find the PO every way they search for it; then a placement the distributor refuses, fixed and
 * retried; then the traditional way, a manual drop-ship with typed tracking.
 */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	if (session.errors.length) console.log('ERRORS', session.errors.slice(0, 5));
	expect(session.errors).toEqual([]);
	await session.close();
});

/**
 * Walks the orders (in-app navigation, as a dealer clicks) until an item has at least two
 * qualifying distributors, and leaves its Dropship dialog open.
 */
async function openOrderWithTwoOffers(page: Page): Promise<{ orderNumber: string }> {
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Orders', exact: true })
		.click();
	// The Orders table's links: the dashboard's recent orders may still be on screen for a moment.
	const links = page.getByRole('table', { name: /Orders matching/ }).locator('a[href^="/orders/"]');
	await links.first().waitFor();
	const count = await links.count();
	for (let n = 0; n < count; n++) {
		await links.nth(n).click();
		await page.getByRole('heading', { name: 'Items' }).waitFor();
		// Every item's drop-ship options have been asked of the catalog.
		await page.getByRole('button', { name: 'Record manual drop-ship' }).first().waitFor();
		await expect.poll(() => page.getByText('Checking your feeds…').count()).toBe(0);
		const buttons = page.getByRole('button', { name: /^Dropship / });
		for (let i = 0; i < (await buttons.count()); i++) {
			await buttons.nth(i).click();
			const dialog = page.getByRole('dialog');
			if ((await dialog.locator('input[type=radio]:not([disabled])').count()) >= 2) {
				const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
				return { orderNumber: title.replace(/\D/g, '') };
			}
			await dialog.getByRole('button', { name: 'Cancel' }).click();
		}
		await page.getByRole('link', { name: '← All orders' }).click();
		await links.first().waitFor();
	}
	throw new Error('No demo order has an item two distributors can drop-ship');
}

describe('drop-shipping an order item', () => {
	it('swaps to the second distributor, places once, and finds the PO by number, order and distributor', async () => {
		const { page } = session;
		await openApp(page, '/');
		const { orderNumber } = await openOrderWithTwoOffers(page);
		const dialog = page.getByRole('dialog');
		// The SKU swap: take the second distributor instead of the preselected one.
		const second = dialog.locator('input[type=radio]:not([disabled])').nth(1);
		await second.check();
		const distributor = (await second.locator('xpath=..').locator('strong').textContent()) ?? '';
		const poNumber = await dialogPoNumber(dialog);
		await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
		await page.getByText(`Placed with ${distributor} as PO ${poNumber}.`).waitFor();
		await dialog.waitFor({ state: 'detached' });
		await page
			.getByRole('link', { name: `PO ${poNumber}` })
			.first()
			.waitFor();

		for (const search of [poNumber, orderNumber]) {
			await openApp(page, `/purchase-orders`);
			await page.getByLabel('Search').fill(search);
			await expect.poll(() => page.locator('main tbody tr').count()).toBe(1);
			expect(await page.locator('main tbody tr').first().textContent()).toContain(poNumber);
		}
		await openApp(page, '/purchase-orders');
		await page.getByLabel('Distributor').selectOption({ label: distributor });
		await expect
			.poll(async () => (await page.locator('main tbody').textContent()) ?? '')
			.toContain(poNumber);
	});

	it('shows why a refused placement failed, and Retry after the fix places exactly one order', async () => {
		const { page } = session;
		await openApp(page, '/settings/data');
		const wps = page.getByRole('group', { name: 'Western Power Sports' });
		const pu = page.getByRole('group', { name: 'Parts Unlimited' });
		const tucker = page.getByRole('group', { name: 'Tucker Rocky' });
		const automatic = page.getByRole('group', { name: 'Automatic Distributors' });
		for (const group of [wps, pu, tucker, automatic]) {
			await group.getByLabel('Ship-to address refused').check();
		}
		const { orderNumber } = await openOrderWithTwoOffers(page);
		const dialog = page.getByRole('dialog');
		const poNumber = await dialogPoNumber(dialog);
		await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
		const reason = dialog.locator('.notice.error');
		await reason.waitFor();
		expect(await reason.textContent()).toMatch(/ship-to address/i);
		await dialog.getByRole('button', { name: 'Cancel' }).click();

		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Settings', exact: true })
			.click();
		await page.getByRole('link', { name: 'Data', exact: true }).click();
		await page.getByRole('button', { name: 'Clear all faults' }).click();
		await expect.poll(() => page.getByRole('checkbox', { checked: true }).count()).toBe(0);

		await openApp(page, '/purchase-orders');
		await page.getByLabel('Search').fill(poNumber);
		await page.getByRole('link', { name: poNumber }).click();
		await page.getByRole('heading', { name: `PO ${poNumber}` }).waitFor();
		await page.getByRole('button', { name: /retry/i }).click();
		await page.getByText('Placed.').waitFor();
		await expect
			.poll(async () => (await page.locator('main').textContent()) ?? '')
			.toContain('Submitted');
		// Exactly one order for this PO at the distributor: the audit shows one accepted order call.
		await openApp(page, '/purchase-orders');
		await page.getByLabel('Search').fill(orderNumber);
		await expect.poll(() => page.locator('main tbody tr').count()).toBe(1);
	});

	it('records a manual drop-ship and its typed tracking', async () => {
		const { page } = session;
		await openApp(page, '/orders');
		await page.locator('main a[href^="/orders/"]').first().click();
		await page.getByRole('heading', { name: 'Items' }).waitFor();
		await recordManualDropship(page, {
			distributor: 'Tucker Rocky',
			orderNumber: 'TR-5510042',
			unitCost: '$41.20'
		});
		await typeTracking(page, '1Z999AA10123456784');
		await expect
			.poll(async () => (await page.locator('main').textContent()) ?? '')
			.toContain('1Z999AA10123456784');
		await openApp(page, '/settings/email');
		await expect
			.poll(async () => (await page.locator('main').textContent()) ?? '')
			.toContain('is on the way');
	});
});

describe('tracking comes back', () => {
	it('a drop-shipped item ships in the demo, and on reopening the PO shows tracking and the email is in the outbox', async () => {
		const { page } = session;
		await openApp(page, '/');
		await openOrderWithTwoOffers(page);
		const dialog = page.getByRole('dialog');
		const poNumber = await dialogPoNumber(dialog);
		await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
		await dialog.waitFor({ state: 'detached' });

		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Settings', exact: true })
			.click();
		await page.getByRole('link', { name: 'Data', exact: true }).click();
		await page.getByRole('button', { name: 'Advance 1 day' }).click();
		await page.getByRole('button', { name: 'Advance 1 day' }).click();
		await page.getByRole('button', { name: 'Advance 1 day' }).click();

		// Reopen the app: tracking is pulled on open.
		await openApp(page, '/purchase-orders');
		await page.getByLabel('Search').fill(poNumber);
		await page.getByRole('link', { name: poNumber }).click();
		await page.getByRole('heading', { name: `PO ${poNumber}` }).waitFor();
		await expect
			.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 20_000 })
			.toMatch(/1Z[0-9A-Z]{16}|\b\d{12}\b|\b\d{15}\b|\b9\d{21}\b|C\d{14}/);
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Settings', exact: true })
			.click();
		await page.getByRole('link', { name: 'Email', exact: true }).click();
		await expect
			.poll(async () => (await page.locator('main').textContent()) ?? '')
			.toContain('is on the way');
	});
});

describe('one PO for several items', () => {
	it('puts a second item of the order on the same PO when the distributor has it', async () => {
		const { page } = session;
		await openApp(page, '/');
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Orders', exact: true })
			.click();
		// The Orders table's links: the dashboard's recent orders may still be on screen for a moment.
		const links = page
			.getByRole('table', { name: /Orders matching/ })
			.locator('a[href^="/orders/"]');
		await links.first().waitFor();
		for (let n = 0; n < (await links.count()); n++) {
			await links.nth(n).click();
			await page.getByRole('heading', { name: 'Items' }).waitFor();
			// Every item's drop-ship options have been asked of the catalog.
			await page.getByRole('button', { name: 'Record manual drop-ship' }).first().waitFor();
			await expect.poll(() => page.getByText('Checking your feeds…').count()).toBe(0);
			const button = page.getByRole('button', { name: /^Dropship / }).first();
			if ((await button.count()) === 0) {
				await page.getByRole('link', { name: '← All orders' }).click();
				await links.first().waitFor();
				continue;
			}
			await button.click();
			const dialog = page.getByRole('dialog');
			const also = dialog.getByRole('group', { name: 'Also on this PO' });
			// Wait until the dialog has asked which other items this distributor has.
			await dialog.locator('form[data-siblings-checked="true"]').waitFor();
			if ((await also.count()) === 0) {
				await dialog.getByRole('button', { name: 'Cancel' }).click();
				await page.getByRole('link', { name: '← All orders' }).click();
				await links.first().waitFor();
				continue;
			}
			await also.getByRole('checkbox').first().check();
			const poNumber = await dialogPoNumber(dialog);
			await dialog.getByRole('button', { name: 'Confirm and place order' }).click();
			await dialog.waitFor({ state: 'detached' });
			await expect.poll(() => page.getByRole('link', { name: `PO ${poNumber}` }).count()).toBe(2);
			return;
		}
		throw new Error('No demo order has two items one distributor can drop-ship');
	});
});
