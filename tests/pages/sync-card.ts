import type { Page } from 'playwright-core';

/** Settings › Data › Sync: turns sync on for this profile with its device letter. */
export async function turnOnSync(
	page: Page,
	server: { url: string; dbName: string },
	letter: string
): Promise<void> {
	const card = page.getByRole('region', { name: 'Sync' });
	await card.getByLabel('Server address').fill(server.url);
	await card.getByLabel('Database').fill(server.dbName);
	await card.getByLabel("This device's letter").fill(letter);
	await card.getByLabel('Sync this device').check();
	await card.getByRole('button', { name: 'Save' }).click();
	await card.getByText('Sync is on for this device.').waitFor();
}

/** The Sync card's status line, e.g. "In sync 12:04", "3 changes waiting", "Offline". */
export function syncStatus(page: Page) {
	return page.getByRole('region', { name: 'Sync' }).getByTestId('sync-status');
}
