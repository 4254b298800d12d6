import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '$lib/db/db';
import { CURRENT_VERSION, declareVersions } from '$lib/db/schema';
import UpgradeNotice from './UpgradeNotice.svelte';

describe('UpgradeNotice (case 24, STOR-8)', () => {
	it('says the app was updated in another tab and offers Reload; the old connection is closed', async () => {
		const name = `upgrade-notice-${Math.random()}`;
		const db = openDb(name);
		const reload = vi.fn();
		render(UpgradeNotice, { db, reload });
		await db.open();
		expect(screen.queryByRole('alert')).toBeNull();

		const newer = new Dexie(name);
		declareVersions(newer);
		newer.version(CURRENT_VERSION + 1).stores({ extra: 'id' });
		await newer.open();

		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('Dropship Desk was updated in another tab');
		expect(db.isOpen()).toBe(false);
		await userEvent.setup().click(screen.getByRole('button', { name: 'Reload' }));
		expect(reload).toHaveBeenCalledOnce();
		newer.close();
	});

	it('asks to close other tabs while an older tab blocks the upgrade, and clears once it closes', async () => {
		const name = `upgrade-blocked-${Math.random()}`;
		// An older tab at version 1 (Dexie stores version n as n × 10) that ignores versionchange.
		const older = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(name, 10);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const db = openDb(name);
		render(UpgradeNotice, { db, reload: vi.fn() });

		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('Close other Dropship Desk tabs to finish updating');
		expect(db.isOpen()).toBe(false);

		older.close();
		await db.open();
		expect(db.verno).toBe(CURRENT_VERSION);
		await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
		db.close();
	});
});
