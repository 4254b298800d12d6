import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityProblems } from './pages/accessibility';
import { openApp, openSession, type Session } from './support/chromium';

/**
 * A dealer's backup story: the app reminds them that no backup exists, they save a distributor
 * key, export a backup with a passphrase, and restore it in a fresh browser profile (standing in for
 * a wiped or evicted origin) with the credentials back. The key, a canary, is then searched for in
 * every IndexedDB store, localStorage, sessionStorage, the console and the exported file
 * (reliability.md §8 cases 9 and 25). Last, a passphrase lock: after a reload the app asks to
 * unlock, refuses a wrong passphrase and accepts the right one.
 */
const CANARY = 'DEMOKEY-CANARY77-5EC2E7-0009931';
const EXPORT_PASSPHRASE = 'ridge line spare parts';
const LOCK_PASSPHRASE = 'gravel roads and knobby tyres';

const sessions: Session[] = [];
const logged: string[] = [];

async function open(): Promise<Session> {
	const session = await openSession();
	session.page.on('console', (message) => logged.push(message.text()));
	sessions.push(session);
	return session;
}

afterEach(async () => {
	for (const session of sessions.splice(0)) {
		expect(session.errors).toEqual([]);
		await session.close();
	}
});

/** Everything script-readable storage holds for this origin (IndexedDB, Web Storage, Cache Storage), as text. */
async function dumpStorage(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const out: string[] = [
			JSON.stringify({ ...localStorage }),
			JSON.stringify({ ...sessionStorage })
		];
		for (const info of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open(info.name!);
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			for (const store of Array.from(db.objectStoreNames)) {
				const rows = await new Promise<unknown[]>((resolve, reject) => {
					const request = db.transaction(store).objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				out.push(`${info.name}.${store}: ${JSON.stringify(rows)}`);
			}
			db.close();
		}
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				out.push(`${name} ${request.url}: ${await (await cache.match(request))?.text()}`);
			}
		}
		return out.join('\n');
	});
}

async function savePartsUnlimitedKey(page: Page) {
	await openApp(page, '/settings/order-automation');
	const form = page.getByRole('form', { name: 'Parts Unlimited credentials' });
	await form.getByLabel('Dealer number', { exact: true }).fill('20417');
	await form.getByLabel('API key', { exact: true }).fill(CANARY);
	await form.getByRole('button', { name: 'Save' }).click();
	await form.getByRole('status').getByText(/saved/i).waitFor();
}

describe('backup and the passphrase', () => {
	it('exports with the credentials encrypted, restores them into a fresh profile, and leaks the key nowhere', async () => {
		const { page } = await open();
		await openApp(page, '/');
		await page.getByText("You have not made a backup of this browser's data yet.").waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);
		await savePartsUnlimitedKey(page);

		await openApp(page, '/settings/data');
		const backup = page.getByRole('region', { name: 'Backup' });
		await backup.getByLabel(/Passphrase for credentials/).fill(EXPORT_PASSPHRASE);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			backup.getByRole('button', { name: 'Export backup' }).click()
		]);
		await backup.getByText(/Backup saved, with your credentials encrypted/).waitFor();
		await expect.poll(() => backup.getByText(/not made a backup/).count()).toBe(0);
		await backup
			.getByText(/Last backup:/)
			.locator('time')
			.waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);
		const file = readFileSync((await download.path())!, 'utf8');
		expect(JSON.parse(file).secrets).toMatchObject({ kdf: 'PBKDF2-SHA-256', iter: 600_000 });

		// A second browser profile: nothing of the first one's storage.
		const fresh = await open();
		await openApp(fresh.page, '/settings/data');
		const restore = fresh.page.getByRole('region', { name: 'Backup' });
		await restore.getByLabel('Backup file').setInputFiles({
			name: 'backup.json',
			mimeType: 'application/json',
			buffer: Buffer.from(file)
		});
		await restore.getByRole('radio', { name: /Replace/ }).check();
		expect(await accessibilityProblems(fresh.page)).toEqual([]);
		await restore.getByLabel(/Passphrase the backup was exported with/).fill('not the passphrase');
		await restore.getByRole('button', { name: 'Restore backup' }).click();
		await restore
			.getByRole('alert')
			.getByText(/does not open the credentials/)
			.waitFor();
		await restore.getByLabel(/Passphrase the backup was exported with/).fill(EXPORT_PASSPHRASE);
		await restore.getByRole('button', { name: 'Restore backup' }).click();
		await restore.getByText('Credentials restored from the backup.').waitFor();

		await fresh.page
			.getByRole('navigation', { name: 'Settings' })
			.getByRole('link', { name: 'Order automation', exact: true })
			.click();
		const pu = fresh.page.getByRole('form', { name: 'Parts Unlimited credentials' });
		await expect
			.poll(() => pu.getByLabel('API key', { exact: true }).inputValue())
			.toBe('••••••9931');
		const card = fresh.page.getByRole('region', { name: /Parts Unlimited/ });
		await card.getByRole('button', { name: 'Test connection' }).click();
		await card.locator('.answer').getByText('Parts Unlimited accepted the credentials.').waitFor();

		for (const session of [page, fresh.page]) {
			expect(await dumpStorage(session)).not.toContain(CANARY);
		}
		expect(file).not.toContain(CANARY);
		expect(logged.join('\n')).not.toContain(CANARY);
	});

	it('with a passphrase lock, a reload asks to unlock; a wrong passphrase is refused', async () => {
		const { page } = await open();
		await savePartsUnlimitedKey(page);
		await openApp(page, '/settings/data');
		const card = page.getByRole('region', { name: 'Passphrase for saved credentials' });
		await card.getByLabel(/New passphrase/).fill(LOCK_PASSPHRASE);
		await card.getByLabel('Type it again').fill(LOCK_PASSPHRASE);
		await card.getByRole('button', { name: 'Set passphrase' }).click();
		await card.getByText(/Passphrase set/).waitFor();

		await openApp(page, '/settings/order-automation');
		const unlock = page.getByRole('form', { name: 'Unlock credentials' });
		await unlock.getByText(/Unlock with your passphrase/).waitFor();
		expect(await accessibilityProblems(page)).toEqual([]);
		const test = page.getByRole('region', { name: /Parts Unlimited/ });
		await test.getByRole('button', { name: 'Test connection' }).click();
		await test
			.locator('.answer')
			.getByText(/Unlock with your passphrase/)
			.waitFor();

		await unlock.getByLabel('Passphrase').fill('a wrong guess!');
		await unlock.getByRole('button', { name: 'Unlock' }).click();
		await unlock
			.getByRole('alert')
			.getByText(/not the one your credentials are locked with/)
			.waitFor();
		await unlock.getByLabel('Passphrase').fill(LOCK_PASSPHRASE);
		await unlock.getByRole('button', { name: 'Unlock' }).click();
		await expect.poll(() => page.getByRole('form', { name: 'Unlock credentials' }).count()).toBe(0);
		await test.getByRole('button', { name: 'Test connection' }).click();
		await test.locator('.answer').getByText('Parts Unlimited accepted the credentials.').waitFor();
		expect(await dumpStorage(page)).not.toContain(CANARY);
	});
});
