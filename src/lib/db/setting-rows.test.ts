import { describe, expect, it } from 'vitest';
import { PBKDF2_MIN_ITERATIONS } from '$lib/domain/sealed';
import { openDb } from './db';
import { deleteSetting, readSetting, writeSetting } from './setting-rows';

let dbCount = 0;
const freshDb = () => openDb(`setting-rows-${++dbCount}`);

const warehouse = {
	id: 'wps:ID',
	distributorId: 'wps',
	code: 'ID',
	name: 'Boise, ID',
	leadTimeDays: 1,
	cutoffCents: 2500
};
const lockRow = {
	v: 1,
	kdf: 'PBKDF2-SHA-256',
	iter: PBKDF2_MIN_ITERATIONS,
	salt: 'c2FsdA==',
	iv: 'aXY=',
	ct: 'Y3Q='
};

/**
 * The rows the worker wrote raw before they were typed (db.settings.put with a bare value) must
 * still read after the change: the same values, so no dealer loses a lock, a key, an Undo or a
 * paused distributor on upgrade.
 */
describe('typed settings rows read what the raw writes stored', () => {
	it('circuits, rulesUndo and secretLock written raw read back unchanged', async () => {
		const db = freshDb();
		const circuits = {
			wps: { state: 'open', failures: 5, openUntil: 1_764_000_000_000 },
			tucker: { state: 'closed', failures: 2 }
		};
		await db.settings.bulkPut([
			{ key: 'circuits', value: circuits },
			{ key: 'rulesUndo', value: [warehouse] },
			{ key: 'secretLock', value: lockRow }
		]);
		expect(await readSetting(db, 'circuits')).toEqual(circuits);
		expect(await readSetting(db, 'rulesUndo')).toEqual([warehouse]);
		expect(await readSetting(db, 'secretLock')).toEqual(lockRow);
	});

	it('the device key stored as a CryptoKey reads back as a usable key', async () => {
		const db = freshDb();
		const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
			'encrypt',
			'decrypt'
		]);
		await db.settings.put({ key: 'secretKey', value: key });
		const read = await readSetting(db, 'secretKey');
		expect(read).toBeInstanceOf(CryptoKey);
		const iv = new Uint8Array(12);
		const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, read!, new Uint8Array([7]));
		const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
		expect([...new Uint8Array(opened)]).toEqual([7]);
	});

	it('a row of the wrong shape reads as missing, and a wrong write throws', async () => {
		const db = freshDb();
		await db.settings.bulkPut([
			{ key: 'secretKey', value: 'not a key' },
			{ key: 'rulesUndo', value: [{ id: 'half a warehouse' }] }
		]);
		expect(await readSetting(db, 'secretKey')).toBeUndefined();
		expect(await readSetting(db, 'rulesUndo')).toBeUndefined();
		await expect(
			writeSetting(db, 'circuits', { wps: { state: 'stuck', failures: 1 } } as never)
		).rejects.toThrow();
	});

	it('deleteSetting removes the row', async () => {
		const db = freshDb();
		await writeSetting(db, 'rulesUndo', [{ ...warehouse, distributorId: 'wps' as const }]);
		await deleteSetting(db, 'rulesUndo');
		expect(await db.settings.get('rulesUndo')).toBeUndefined();
	});
});
