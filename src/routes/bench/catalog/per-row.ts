import Dexie from 'dexie';
import { parseFeed } from '$lib/feeds/presets';

/**
 * The reference the catalog import is measured against (benchmark only): the same feed parsed
 * the same way, then stored one IndexedDB record per row with Dexie bulkPut and three indexes.
 * Returns the seconds the storing took.
 */
export async function runPerRowDexie(file: File): Promise<{ seconds: number; rows: number }> {
	const parsed = await parseFeed(
		{
			layout: 'pu',
			distributorId: 'pu',
			files: [{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }]
		},
		{}
	);
	if (!parsed.ok) throw new Error('the bench feed did not parse');
	await Dexie.delete('bench-per-row');
	const db = new Dexie('bench-per-row');
	db.version(1).stores({ offers: '[distributorId+sku], distributorId, mpn, upc' });
	const started = performance.now();
	const table = db.table('offers');
	for (let i = 0; i < parsed.offers.length; i += 2000) {
		await table.bulkPut(parsed.offers.slice(i, i + 2000));
	}
	const seconds = (performance.now() - started) / 1000;
	db.close();
	await Dexie.delete('bench-per-row');
	return { seconds, rows: parsed.offers.length };
}
