import type { FeedImport, Offer } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import { newWarehouses } from '$lib/domain/rules';
import type { AppSettings } from '$lib/domain/settings';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';
import { blockOffers, toColumnar, type ColumnarBlock } from './catalog-blocks';
import { OfferColumns } from './offer-columns';
import type { DropshipDb } from './schema';
import { readSetting, writeSetting } from './setting-rows';

export async function readSettings(db: DropshipDb): Promise<AppSettings> {
	return { ...DEFAULT_SETTINGS, ...(await readSetting(db, 'app')) };
}

export async function writeSettings(db: DropshipDb, settings: AppSettings): Promise<void> {
	await writeSetting(db, 'app', settings);
}

/**
 * Replaces one distributor's catalog atomically: the new blocks are written under a new import id
 * and the import is marked complete in the same transaction that marks the old one replaced and
 * deletes its blocks. A failure anywhere leaves the old catalog exactly as it was.
 *
 * `staged` blocks (the first ones, in order) may already be stored under the new id, written while
 * the feed was read (`stageCatalogBlocks`): no reader looks at an import's blocks before its row
 * is complete, so they change nothing until this transaction. They are trusted only if exactly
 * that many are there (another import's clean-up may have removed them); else all are written.
 * Blocks of no current feed (an import cut off by a closed tab, or dropped) are removed here.
 */
export async function replaceCatalog(
	db: DropshipDb,
	feed: Omit<FeedImport, 'state' | 'blockCount' | 'rowCount'>,
	offers: readonly Offer[] | OfferColumns,
	staged = 0
): Promise<FeedImport> {
	const columns =
		offers instanceof OfferColumns ? offers : OfferColumns.fromOffers(feed.id, offers);
	const blocks = columns.blocks;
	if (blocks.some((b) => b.importId !== feed.id)) throw new Error('Blocks of another import.');
	const done: FeedImport = {
		...feed,
		state: 'complete',
		rowCount: columns.length,
		blockCount: blocks.length
	};
	await db.transaction('rw', db.catalogBlocks, db.feedImports, db.warehouses, async () => {
		await addNewWarehouses(db, feed.distributorId, columns.warehouseCodes());
		const current = await db.feedImports.where('state').equals('complete').toArray();
		const there = staged > 0 ? await blocksOf(db, feed.id).count() : 0;
		const from = there === staged ? Math.min(staged, blocks.length) : 0;
		// A few blocks per request: the worker stays free to answer searches between them, and the
		// transaction still commits all or nothing.
		for (let i = from; i < blocks.length; i += BLOCKS_PER_PUT) {
			await db.catalogBlocks.bulkPut(blocks.slice(i, i + BLOCKS_PER_PUT));
		}
		for (const old of current.filter((f) => f.distributorId === feed.distributorId)) {
			await blocksOf(db, old.id).delete();
			await db.feedImports.update(old.id, { state: 'replaced' });
		}
		const kept = new Set([feed.id, ...current.map((f) => f.id)]);
		for (const importId of await db.catalogBlocks.orderBy('importId').uniqueKeys()) {
			if (!kept.has(String(importId))) await blocksOf(db, String(importId)).delete();
		}
		await db.feedImports.put(done);
	});
	return done;
}

/**
 * Stores blocks of an import that is still being read, ahead of `replaceCatalog` (which makes them
 * part of the catalog, or removes them). Its own short transaction: nothing reads them before.
 */
export async function stageCatalogBlocks(
	db: DropshipDb,
	blocks: readonly ColumnarBlock[]
): Promise<void> {
	await db.catalogBlocks.bulkPut([...blocks]);
}

/** Removes the blocks of an import that will not be completed (cancelled, refused, failed). */
export async function dropCatalogBlocks(db: DropshipDb, importId: string): Promise<void> {
	await blocksOf(db, importId).delete();
}

/** A range of the primary key: one request for the whole feed, not one per block. */
const blocksOf = (db: DropshipDb, importId: string) =>
	db.catalogBlocks.where('[importId+blockNo]').between([importId, 0], [importId, Infinity]);

/** ~0.7 MB cloned per request: a millisecond or so of the worker's time, 10 requests a feed. */
export const BLOCKS_PER_PUT = 20;

/**
 * Writes the warehouses a feed or stock answer names that the rules do not know, as new rows (see
 * `newWarehouses`); the dealer's own rows are never touched. Returns how many were added.
 */
export async function addNewWarehouses(
	db: DropshipDb,
	distributorId: DistributorId,
	codes: Iterable<string>
): Promise<number> {
	const added = newWarehouses(distributorId, codes, await db.warehouses.toArray());
	if (added.length > 0) await db.warehouses.bulkAdd(added);
	return added.length;
}

/**
 * One feed's offers, in feed order (the primary key [importId+blockNo] keeps blocks in order),
 * as columns; blocks stored in an older format are converted in memory.
 */
export async function loadFeedColumns(db: DropshipDb, importId: string): Promise<OfferColumns> {
	const blocks = await db.catalogBlocks
		.where('[importId+blockNo]')
		.between([importId, 0], [importId, Infinity])
		.toArray();
	return new OfferColumns(blocks.map(toColumnar));
}

/** One feed's offers as objects, in feed order, whatever format its blocks were stored in (the
 *  feed history compares a new feed with the last one by these). */
export async function loadFeedOffers(db: DropshipDb, importId: string): Promise<Offer[]> {
	const blocks = await db.catalogBlocks
		.where('[importId+blockNo]')
		.between([importId, 0], [importId, Infinity])
		.toArray();
	return blocks.flatMap(blockOffers);
}
