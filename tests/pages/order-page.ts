import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** On an order's page: records a drop-ship placed by hand in the distributor's portal. */
export async function recordManualDropship(
	page: Page,
	entry: { distributor: string; orderNumber: string; unitCost: string }
): Promise<void> {
	await page.getByRole('button', { name: 'Record manual drop-ship' }).first().click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Distributor').selectOption({ label: entry.distributor });
	await dialog.getByLabel('Their order number').fill(entry.orderNumber);
	await dialog.getByLabel('Your unit cost').fill(entry.unitCost);
	await dialog.getByRole('button', { name: 'Record drop-ship' }).click();
	await dialog.waitFor({ state: 'detached' });
}

/** From an order's page: opens its first PO and types a tracking number, as a dealer does. */
export async function typeTracking(page: Page, trackingNumber: string): Promise<void> {
	await page.getByRole('link', { name: /^PO / }).first().click();
	await page.getByLabel('Tracking number').fill(trackingNumber);
	await page.getByRole('button', { name: 'Add tracking' }).click();
	await page.getByText('Tracking saved; the buyer email is queued.').waitFor();
}

/**
 * The Dropship dialog's PO number, once the dialog has it: it asks the worker for the next number
 * as it opens, so reading the field at once can find it still empty.
 */
export async function dialogPoNumber(dialog: Locator): Promise<string> {
	const field = dialog.getByLabel('PO number');
	await expect.poll(() => field.inputValue()).not.toBe('');
	return field.inputValue();
}
